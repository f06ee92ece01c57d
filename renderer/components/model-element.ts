import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { ReadableAtom } from 'nanostores';

import { timerModelContext } from '../context.ts';
import { WatchController } from '../controllers/watch.ts';
import type { TimerModel } from '../state/timer-model.ts';

/**
 * Base for components that show timer state: it receives the TimerModel through context and re-renders when any of
 * the stores it names changes, subscribed only while connected.
 */
export abstract class ModelElement extends LitElement {
  @consume({ context: timerModelContext })
  @property({ attribute: false })
  model!: TimerModel;

  constructor() {
    super();
    // after the context consumer (added first), so the model is there on connect
    new WatchController(this, () => (this.model ? this.watched(this.model) : []));
  }

  protected abstract watched(model: TimerModel): ReadableAtom<unknown>[];
}
