import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { ReadableAtom } from 'nanostores';
import { timerModelContext } from '../context.ts';
import type { TimerModel } from '../state/timer-model.ts';

/**
 * Base for components that show timer state: it receives the TimerModel through context and re-renders when any of
 * the stores it names changes, subscribed only while connected.
 */
export abstract class ModelElement extends LitElement {
  @consume({ context: timerModelContext })
  @property({ attribute: false })
  model!: TimerModel;

  #unsubscribe: Array<() => void> = [];

  protected abstract watched(model: TimerModel): ReadableAtom<unknown>[];

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.model) {
      this.#unsubscribe = this.watched(this.model).map((store) => store.listen(() => this.requestUpdate()));
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this.#unsubscribe) stop();
    this.#unsubscribe = [];
  }
}
