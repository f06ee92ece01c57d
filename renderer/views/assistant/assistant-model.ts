import { atom, computed } from 'nanostores';

import { DEFAULT_PRESETS } from '../../../shared/assistant-presets.ts';
import type { AskResult, AssistantEvent, Endpoint, Proposal, ToolRecord } from '../../../shared/assistant.ts';
import type { Conversation, StoredMessage } from '../../../shared/conversations.ts';
import { toAppError } from '../../../shared/errors.ts';
import type { ActionRef } from '../../../shared/session-edits.ts';
import { newRequestId, type AiClient } from '../../services/ai-client.ts';
import type { AiKeyStore } from '../../services/ai-keys.ts';
import type { DataClient } from '../../services/data-client.ts';
import type { SettingsService } from '../../services/settings.ts';
import { historyOf } from './turns.ts';
import { summarize } from './usage.ts';

/** Conversations read per page of the list: the virtualized list asks for the next as it nears the end. */
export const LIST_PAGE = 300;

/** What the answer being streamed shows so far. */
export interface LiveAnswer {
  question: string;
  text: string;
  tools: { id: string; name: string; arguments: string; record: ToolRecord | null }[];
  proposals: Proposal[];
  notice: string | null;
}

/**
 * The Assistant view's state: the conversation list (search), the open conversation's messages, and the answer being
 * streamed. Streamed events are folded in once per animation frame, however fast they come, so the UI thread does
 * one small render per frame. Every change to data goes through the data worker's normal calls.
 */
export class AssistantModel {
  readonly $conversations = atom<Conversation[]>([]);
  readonly $total = atom(0);
  readonly $search = atom('');
  readonly $currentId = atom<string | null>(null);
  readonly $messages = atom<StoredMessage[]>([]);
  readonly $live = atom<LiveAnswer | null>(null);
  readonly $error = atom<string | null>(null);
  /** set when this month's cost nears or passes the budget (checked after each answer) */
  readonly $budget = atom<string | null>(null);
  readonly $endpoint = computed(this.settings.$settings, (s) => {
    const list = s.aiEndpoints;
    return list.find((e) => e.id === s.aiEndpointId) ?? list[0] ?? null;
  });
  readonly $preset = computed(this.settings.$settings, (s) => {
    const list = s.aiAssistants.length ? s.aiAssistants : DEFAULT_PRESETS;
    return list.find((a) => a.id === s.aiAssistantId) ?? list[0]!;
  });
  #controller: AbortController | null = null;
  #pending: AssistantEvent[] = [];
  #frame = 0;

  constructor(
    private readonly client: DataClient,
    private readonly ai: AiClient,
    private readonly keys: AiKeyStore,
    private readonly settings: SettingsService,
  ) {}

  get busy(): boolean {
    return this.#controller !== null;
  }

  connect(): () => void {
    void this.loadList();
    void this.checkBudget();
    return this.client.watch(['conversations'], () => this.loadList());
  }

  /** The first page of the list (search applied); later pages come as the list is scrolled (loadMore). */
  async loadList(): Promise<void> {
    try {
      const shown = Math.max(LIST_PAGE, this.$conversations.get().length);
      const page = await this.client.data.listConversations({
        search: this.$search.get(),
        limit: Math.min(shown, 20_000),
      });
      this.$conversations.set(page.conversations);
      this.$total.set(page.total);
    } catch (error) {
      this.$error.set(toAppError(error).message);
    }
  }

  #loadingMore = false;
  async loadMore(): Promise<void> {
    const have = this.$conversations.get();
    if (this.#loadingMore || have.length >= this.$total.get()) return;
    this.#loadingMore = true;
    try {
      const page = await this.client.data.listConversations({
        search: this.$search.get(),
        offset: have.length,
        limit: LIST_PAGE,
      });
      this.$conversations.set([...have, ...page.conversations]);
      this.$total.set(page.total);
    } catch (error) {
      this.$error.set(toAppError(error).message);
    } finally {
      this.#loadingMore = false;
    }
  }

  async open(id: string | null): Promise<void> {
    this.$currentId.set(id);
    this.$messages.set(id ? await this.client.data.conversationMessages(id) : []);
  }

  /** Asks the current endpoint; a new conversation is made for the first question. Never throws. */
  async ask(question: string): Promise<AskResult | null> {
    const text = question.trim();
    const endpoint = this.$endpoint.get();
    if (!text || this.#controller) return null;
    if (!endpoint) {
      this.$error.set('Add an endpoint first (the ⚙ Endpoints panel).');
      return null;
    }
    this.$error.set(null);
    const controller = (this.#controller = new AbortController());
    this.$live.set({ question: text, text: '', tools: [], proposals: [], notice: null });
    try {
      let id = this.$currentId.get();
      if (!id) {
        id = (await this.client.data.createConversation({ title: text.slice(0, 80) })).id;
        this.$currentId.set(id);
      }
      const history = historyOf(this.$messages.get());
      const user = await this.client.data.appendMessage({ conversationId: id, role: 'user', content: text });
      this.$messages.set([...this.$messages.get(), user]);
      const preset = this.$preset.get();
      const result = await this.ai.ask(
        {
          requestId: newRequestId(),
          endpoint: { ...endpoint, model: preset.model || endpoint.model },
          apiKey: endpoint.hasKey ? await this.keys.get(endpoint.id) : null,
          turns: [...history, { role: 'user', content: text }],
          now: Date.now(),
          weekStart: this.settings.$settings.get().weekStart,
          instructions: preset.instructions,
          temperature: preset.temperature,
          tools: preset.tools,
        },
        (events) => this.#queue(events),
        controller.signal,
      );
      this.#fold();
      const answer = await this.client.data.appendMessage({
        conversationId: id,
        role: 'assistant',
        content: result.text,
        turns: result.turns,
        tools: result.tools,
        proposals: result.proposals,
        model: result.model,
        endpoint: endpoint.name,
        assistant: preset.name,
        requestId: result.requestId,
        promptTokens: result.usage.promptTokens,
        completionTokens: result.usage.completionTokens,
        usageEstimated: result.usage.estimated,
        firstTokenMs: result.firstTokenMs,
        totalMs: result.totalMs,
        finish: result.finish,
        error: result.error,
      });
      if (this.$currentId.get() === id) this.$messages.set([...this.$messages.get(), answer]);
      void this.checkBudget();
      return result;
    } catch (error) {
      this.$error.set(toAppError(error).message);
      return null;
    } finally {
      cancelAnimationFrame(this.#frame);
      this.#pending = [];
      this.#controller = null;
      this.$live.set(null);
    }
  }

  /** Warns before the monthly budget is exceeded (at 80%), and says so once it is. */
  async checkBudget(): Promise<void> {
    const s = this.settings.$settings.get();
    if (s.aiMonthlyBudget === null) return this.$budget.set(null);
    const now = new Date();
    const rows = await this.client.data
      .assistantUsage({
        from: new Date(now.getFullYear(), now.getMonth(), 1).getTime(),
        to: new Date(now.getFullYear(), now.getMonth() + 1, 1).getTime(),
      })
      .catch(() => []);
    const b = summarize(rows, s.aiPrices, s.aiMonthlyBudget).budget;
    this.$budget.set(
      !b || !b.warn
        ? null
        : b.over
          ? `This month's assistant cost ($${b.spent.toFixed(2)}) is over its budget of $${b.limit}.`
          : `This month's assistant cost ($${b.spent.toFixed(2)}) is at ${Math.round(b.share * 100)}% of its budget of $${b.limit}.`,
    );
  }

  /** Stops the answer being streamed (Esc, the Stop button); what came so far is kept. */
  stop(): void {
    this.#controller?.abort('stopped by the user');
  }

  /** Applies a proposal through the normal data API (validated, overlap-checked, one undoable action). */
  async apply(message: StoredMessage, proposal: Proposal): Promise<ActionRef | null> {
    const data = this.client.data;
    const { call } = proposal;
    let action: ActionRef | null = null;
    if (call.method === 'addSession') action = (await data.addSession(call.input as never)).action;
    else if (call.method === 'updateSession') action = (await data.updateSession(call.input as never)).action;
    else if (call.method === 'splitSession') action = (await data.splitSession(call.input as never)).action;
    else if (call.method === 'deleteSession') await data.deleteSession(call.input);
    else if (call.method === 'startTimer') await data.startTimer(call.input as never);
    else if (call.method === 'stopTimer') await data.stopTimer(call.input as never);
    if (!action && ['deleteSession', 'startTimer', 'stopTimer'].includes(call.method))
      action = (await data.undoState()).undo;
    await this.#mark(message, proposal, 'applied');
    return action;
  }

  discard(message: StoredMessage, proposal: Proposal): Promise<void> {
    return this.#mark(message, proposal, 'discarded');
  }

  async remove(id: string): Promise<ActionRef | null> {
    const { action } = await this.client.data.deleteConversation(id);
    if (this.$currentId.get() === id) await this.open(null);
    return action;
  }

  async rename(id: string, title: string): Promise<void> {
    await this.client.data.renameConversation({ id, title });
  }

  async pin(id: string, pinned: boolean): Promise<void> {
    await this.client.data.pinConversation({ id, pinned });
  }

  async #mark(message: StoredMessage, proposal: Proposal, status: 'applied' | 'discarded'): Promise<void> {
    await this.client.data.setProposalStatus({ messageId: message.id, proposalId: proposal.id, status });
    this.$messages.set(
      this.$messages
        .get()
        .map((m) =>
          m.id === message.id
            ? { ...m, proposals: m.proposals.map((p) => (p.id === proposal.id ? { ...p, status } : p)) }
            : m,
        ),
    );
  }

  #queue(events: AssistantEvent[]): void {
    this.#pending.push(...events);
    if (!this.#frame) this.#frame = requestAnimationFrame(() => this.#fold());
  }

  /** Folds the events that came since the last frame into the live answer, in one store update. */
  #fold(): void {
    this.#frame = 0;
    const live = this.$live.get();
    if (!live || this.#pending.length === 0) return;
    const next: LiveAnswer = { ...live, tools: [...live.tools], proposals: [...live.proposals] };
    for (const e of this.#pending.splice(0)) {
      if (e.kind === 'text') next.text += e.text;
      else if (e.kind === 'tool-call')
        next.tools.push({ id: e.id, name: e.name, arguments: e.arguments, record: null });
      else if (e.kind === 'tool-result') {
        const i = next.tools.findIndex((t) => t.id === e.record.id && !t.record);
        if (i >= 0) next.tools[i] = { ...next.tools[i]!, record: e.record };
      } else if (e.kind === 'proposal') next.proposals.push(e.proposal);
      else if (e.kind === 'retry') next.notice = `${e.reason} Trying again in ${Math.ceil(e.inMs / 1000)} s…`;
    }
    this.$live.set(next);
  }
}

export type { Endpoint };
