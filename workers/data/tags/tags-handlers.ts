import type { DataApi, TagsApi } from '../../../shared/data-contract.ts';
import { IdSchema } from '../../../shared/ids.ts';
import { CreateTagInputSchema, MergeTagsInputSchema, UpdateTagInputSchema } from '../../../shared/tag.ts';
import { parse } from '../../../shared/validate.ts';
import type { Core } from '../owner/core.ts';
import { journaledChange } from '../undo/journaled-write.ts';
import * as tags from './tags.ts';

/** Tags: every change one journaled (undoable) transaction. */
export class TagsHandlers implements TagsApi {
  constructor(private readonly core: Core) {}

  listTags() {
    return this.core.read((db) => tags.listTags(db, (t, id, issues) => this.core.reportDamaged(t, id, issues)));
  }

  createTag(input: Parameters<DataApi['createTag']>[0]) {
    const p = parse(CreateTagInputSchema, input, 'tag');
    return journaledChange(this.core, 'tags', (ctx) => tags.createTag(ctx, p));
  }

  updateTag(input: Parameters<DataApi['updateTag']>[0]) {
    const p = parse(UpdateTagInputSchema, input, 'tag change');
    return journaledChange(this.core, 'tags', (ctx) => tags.updateTag(ctx, p.id, p.patch));
  }

  deleteTag(id: string) {
    const tagId = parse(IdSchema, id, 'tag id');
    return journaledChange(this.core, 'tags', async (ctx) => {
      await tags.deleteTag(ctx, tagId);
      return null;
    });
  }

  mergeTags(input: Parameters<DataApi['mergeTags']>[0]) {
    const p = parse(MergeTagsInputSchema, input, 'tag merge');
    return journaledChange(this.core, 'tags', (ctx) => tags.mergeTags(ctx, p.from, p.into));
  }
}
