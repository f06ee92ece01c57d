import type { Shell } from '../../shared/shell-contract.ts';
import type { SettingsService } from './settings.ts';

/**
 * Tells the shell the assistant's endpoints whenever they change, so its security policy lets the AI worker reach
 * exactly those origins (Electron; the web shell answers null). One endpoint main refuses (plain http to another
 * machine, say) does not block the others: they are then sent one by one and the valid ones kept.
 */
export function syncAiEndpoints(shell: Shell, settings: SettingsService): () => void {
  let last = '';
  return settings.$settings.subscribe((s) => {
    const urls = s.aiEndpoints.map((e) => e.baseURL);
    const key = JSON.stringify(urls);
    if (key === last) return;
    last = key;
    void shell.allowAiEndpoints(urls).catch(async () => {
      const valid: string[] = [];
      for (const url of urls)
        if (
          await shell.allowAiEndpoints([url]).then(
            () => true,
            () => false,
          )
        )
          valid.push(url);
      await shell.allowAiEndpoints(valid).catch(() => undefined);
    });
  });
}
