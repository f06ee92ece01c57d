import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keyboard shortcuts as a reactive controller. Every controller's shortcuts sit in one registry, which is also what
 * the `?` dialog lists, so the help can never drift from what the keys do. A shortcut never fires while the user is
 * typing in a field.
 */
export interface Shortcut {
  /** "n", "?", "Mod+z", "Mod+Shift+z", "ArrowDown", "Shift+ArrowDown"; Mod is Ctrl, or Cmd on a Mac */
  keys: string[];
  /** what it does, in the user's words */
  label: string;
  /** heading in the help dialog */
  group: string;
  /** acts; return false to let the key through */
  run: (event: KeyboardEvent) => boolean | void;
  /** when it applies; a shortcut that does not apply lets the key through */
  when?: () => boolean;
  /** also acts in an empty text field, where the key has nothing of its own to do (Ctrl+Z after adding an entry) */
  inEmptyField?: boolean;
}

export interface ShortcutOptions {
  /** 'window' (default) hears keys anywhere in the window; 'host' only keys pressed inside the host element */
  scope?: 'window' | 'host';
}

const registry = new Set<{ shortcuts: () => readonly Shortcut[] }>();

/** Every registered shortcut, grouped, for the help dialog. */
export function listShortcuts(): Array<{ group: string; items: Array<{ keys: string[]; label: string }> }> {
  const groups = new Map<string, Array<{ keys: string[]; label: string }>>();
  for (const entry of registry) {
    for (const s of entry.shortcuts()) {
      const items = groups.get(s.group) ?? [];
      if (!items.some((i) => i.label === s.label)) items.push({ keys: s.keys, label: s.label });
      groups.set(s.group, items);
    }
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

/** True when the key goes into a field the user is typing in (inputs, text areas, selects, editable content). */
export function isTyping(event: Event): boolean {
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target.isContentEditable;
}

function isEmptyField(event: Event): boolean {
  const target = event.composedPath()[0];
  return (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) && target.value === '';
}

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

/** The pressed combination written as a shortcut key ("Mod+Shift+z"); Shift is part of the symbol for "?" or "[". */
export function comboOf(event: KeyboardEvent): string {
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const symbol = key.length === 1 && !/[a-z0-9]/.test(key);
  const parts: string[] = [];
  if (isMac ? event.metaKey : event.ctrlKey) parts.push('Mod');
  if (event.altKey) parts.push('Alt');
  if (event.shiftKey && !symbol) parts.push('Shift');
  parts.push(key === ' ' ? 'Space' : key);
  return parts.join('+');
}

/** How a key is shown to the user: "Ctrl+Shift+Z" or "⌘⇧Z". */
export function keyLabel(keys: string): string {
  return keys
    .split('+')
    .map((k) =>
      k === 'Mod'
        ? isMac
          ? '⌘'
          : 'Ctrl'
        : k === 'Shift' && isMac
          ? '⇧'
          : k.length === 1
            ? k.toUpperCase()
            : (KEY_NAMES[k] ?? k),
    )
    .join(isMac ? '' : '+');
}
const KEY_NAMES: Record<string, string> = {
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
};

export class ShortcutController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #entry: { shortcuts: () => readonly Shortcut[] };
  readonly #scope: 'window' | 'host';

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    shortcuts: () => readonly Shortcut[],
    options: ShortcutOptions = {},
  ) {
    this.#host = host;
    this.#entry = { shortcuts };
    this.#scope = options.scope ?? 'window';
    host.addController(this);
  }

  hostConnected(): void {
    registry.add(this.#entry);
    (this.#scope === 'host' ? this.#host : window).addEventListener('keydown', this.#onKey as EventListener);
  }

  hostDisconnected(): void {
    registry.delete(this.#entry);
    (this.#scope === 'host' ? this.#host : window).removeEventListener('keydown', this.#onKey as EventListener);
  }

  readonly #onKey = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.isComposing) return;
    const typing = isTyping(event);
    if (typing && !isEmptyField(event)) return;
    const combo = comboOf(event);
    for (const s of this.#entry.shortcuts()) {
      if (!s.keys.includes(combo) || (s.when && !s.when()) || (typing && !s.inEmptyField)) continue;
      if (s.run(event) === false) continue;
      event.preventDefault();
      return;
    }
  };
}
