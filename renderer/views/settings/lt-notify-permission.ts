import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';

import { controlStyles } from '../../components/styles.ts';

type Permission = NotificationPermission | 'unsupported';
const current = (): Permission => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);

/** Where reminders show, in words, and the one button that asks for system notifications. */
@customElement('lt-notify-permission')
export class LtNotifyPermission extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host { display: block; color: var(--lt-muted, #5d6b82); font-size: var(--lt-text-sm, 0.87rem); }
    `,
  ];

  @state() private permission: Permission = current();

  override render() {
    if (this.permission === 'granted') return html`Reminders come as system notifications.`;
    if (this.permission === 'denied') return html`System notifications are blocked; reminders show in the window.`;
    if (this.permission === 'unsupported')
      return html`System notifications are not available here; reminders show in the window.`;
    return html`Reminders show in the window.
      <button class="btn small" type="button" @click=${async () => {
        await Notification.requestPermission();
        this.permission = current();
      }}>Allow system notifications</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-notify-permission': LtNotifyPermission;
  }
}
