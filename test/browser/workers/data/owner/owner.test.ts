import { expect } from 'chai';

import { OWNER_METHODS } from '../../../../../shared/data-contract.ts';
import { bind, bindAll, createOwner } from '../../../../../workers/data/owner/owner.ts';

describe('data owner: composing the handlers', () => {
  it('binds every method of the contract once, and serves nothing else', () => {
    const owner = createOwner();
    try {
      expect(new Set(OWNER_METHODS).size).to.equal(OWNER_METHODS.length);
      expect(Object.keys(owner.api).sort()).to.deep.equal([...OWNER_METHODS].sort());
    } finally {
      owner.core.changes.close();
    }
  });

  it('throws when a method name is bound twice, instead of picking one handler silently', () => {
    const tags = { listTags: async () => [] };
    const moreTags = { listTags: async () => [] };
    expect(() => bindAll([bind(['listTags'], tags), bind(['listTags'], moreTags)])).to.throw('listTags is bound twice');
  });

  it('throws when a handler does not implement a name bound to it', () => {
    expect(() => bindAll([bind(['listTags'], {} as { listTags(): Promise<[]> })])).to.throw('does not implement it');
  });
});
