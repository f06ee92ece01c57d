import { ContextProvider } from '@lit/context';
import { expect } from 'chai';

import '../../../../renderer/components/lt-secrets-status.ts';

import type { LtSecretsStatus } from '../../../../renderer/components/lt-secrets-status.ts';
import { shellContext } from '../../../../renderer/context.ts';
import { createWebShell } from '../../../../renderer/shell/web-shell.ts';
import type { SecretProtection, Shell } from '../../../../shared/shell-contract.ts';
import { expectAccessible, useAppStyles } from '../../harness/a11y.ts';
import { until } from '../../harness/wait.ts';

/** Mounts <lt-secrets-status> under a host that provides `shell` through shellContext, as lt-app does. */
function mount(shell: Shell): {
  host: HTMLElement;
  status: LtSecretsStatus;
  provider: ContextProvider<typeof shellContext>;
} {
  const host = document.createElement('div');
  const provider = new ContextProvider(host, { context: shellContext, initialValue: shell });
  const status = document.createElement('lt-secrets-status');
  host.append(status);
  document.body.append(host);
  return { host, status, provider };
}

const sentence = (status: LtSecretsStatus) => status.shadowRoot?.querySelector('p') ?? null;
/** The sentence once the shell has answered (it carries the backend then). */
const answered = (status: LtSecretsStatus) => {
  const p = sentence(status);
  return p?.dataset['backend'] ? p : null;
};

function shellSaying(protection: SecretProtection | Error): Shell {
  const web = createWebShell();
  return {
    ...web,
    secrets: {
      ...web.secrets,
      protection: () => (protection instanceof Error ? Promise.reject(protection) : Promise.resolve(protection)),
    },
  };
}

describe('<lt-secrets-status>', () => {
  let mounted: ReturnType<typeof mount> | null = null;
  afterEach(() => {
    mounted?.host.remove();
    mounted = null;
  });

  it('says, in the web shell, that the key is in the browser profile and not in an OS keychain', async () => {
    mounted = mount(createWebShell());
    const p = await until(() => answered(mounted!.status), 'the sentence');
    expect(p.textContent).to.equal(
      'Secrets are encrypted with a key kept in this browser profile, not in an OS keychain.',
    );
    expect(p.classList.contains('unprotected')).to.equal(true);
    expect(p.getAttribute('role')).to.equal('status');
  });

  it('shows the OS keychain when secrets are protected by one', async () => {
    mounted = mount(
      shellSaying({
        protected: true,
        backend: 'keychain',
        reason: 'Secrets are encrypted with a key kept in the macOS Keychain.',
      }),
    );
    const p = await until(() => answered(mounted!.status), 'the sentence');
    expect(p.textContent).to.equal('Secrets are encrypted with a key kept in the macOS Keychain.');
    expect(p.classList.contains('protected')).to.equal(true);
  });

  it('shows why secrets cannot be saved, and a plain message when the shell cannot tell', async () => {
    const reason = 'Secrets cannot be saved: no OS keychain (GNOME Keyring or KWallet) was found.';
    mounted = mount(shellSaying({ protected: false, backend: 'basic_text', reason }));
    await until(() => sentence(mounted!.status)?.textContent === reason, 'the reason');
    mounted.provider.setValue(shellSaying(new Error('IPC failed')));
    await until(
      () => /Could not find out how secrets are protected/.test(sentence(mounted!.status)?.textContent ?? ''),
      'failure text',
    );
  });

  it('passes axe, protected or not', async () => {
    useAppStyles();
    mounted = mount(createWebShell());
    await until(() => answered(mounted!.status), 'the sentence');
    await expectAccessible(mounted.host);
    mounted.provider.setValue(
      shellSaying({
        protected: true,
        backend: 'keychain',
        reason: 'Secrets are encrypted with a key kept in the macOS Keychain.',
      }),
    );
    await until(() => sentence(mounted!.status)?.classList.contains('protected'), 'protected');
    await expectAccessible(mounted.host);
  });
});
