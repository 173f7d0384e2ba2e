import { expect } from 'chai';
import { NameMemo } from '../../src/screening/name-memo.js';

describe(NameMemo.name, () => {
  it('when names are stored, then each gives back its own value, also after the table has grown', () => {
    // Arrange
    const memo = new NameMemo<number>(100_000, 16);
    const names = Array.from({ length: 5_000 }, (_, i) => `substance ${i} phthalate`);

    // Act
    names.forEach((name, i) => memo.set(name, i));

    // Assert
    expect(memo.size).to.equal(5_000);
    names.forEach((name, i) => expect(memo.get(name)).to.equal(i));
    expect(memo.get('substance 5000 phthalate')).to.equal(undefined);
  });

  it('when a name is stored again, then its value is replaced', () => {
    const memo = new NameMemo<string>(10);
    memo.set('Lead chromate', 'a');
    memo.set('Lead chromate', 'b');
    expect(memo.get('Lead chromate')).to.equal('b');
    expect(memo.size).to.equal(1);
  });

  it('when the limit is reached, then the memo starts afresh', () => {
    const memo = new NameMemo<number>(3);
    ['a', 'b', 'c', 'd'].forEach((name, i) => memo.set(name, i));
    expect(memo.size).to.equal(1);
    expect(memo.get('a')).to.equal(undefined);
    expect(memo.get('d')).to.equal(3);
  });

  it('when strings are equal but distinct objects, then they find the same value', () => {
    const memo = new NameMemo<number>(10);
    memo.set(['Bis(2-ethylhexyl)', 'phthalate'].join(' '), 1);
    expect(memo.get(Buffer.from('Bis(2-ethylhexyl) phthalate').toString())).to.equal(1);
  });
});
