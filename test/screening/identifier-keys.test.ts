import { expect } from 'chai';
import { casKey, ecKey, indexKey, isEcListNumber, NO_KEY } from '../../src/screening/identifier-keys.js';

describe(casKey.name, () => {
  it('when a CAS RN has the right check digit, then its key is its digits without the check digit', () => {
    expect(casKey('117-81-7')).to.equal(11781);
    expect(casKey('7439-92-1')).to.equal(743992);
    expect(casKey('1234567-89-5')).to.equal(123456789);
  });

  it('when a CAS RN has a wrong check digit, is malformed or absent, then it has no key', () => {
    expect(casKey('117-81-8')).to.equal(NO_KEY);
    expect(casKey('not a number')).to.equal(NO_KEY);
    expect(casKey('')).to.equal(NO_KEY);
    expect(casKey(null)).to.equal(NO_KEY);
  });

  it('when a CAS RN is printed another way, then it gets the same key as the canonical form', () => {
    expect(casKey('117 – 81 – 7')).to.equal(casKey('117-81-7'));
    expect(casKey('0000117-81-7')).to.equal(casKey('117-81-7'));
  });
});

describe(ecKey.name, () => {
  it('when an EC number has the right check digit, then it has a key; a wrong one or a leading 0/1 gives none', () => {
    expect(ecKey('204-211-0')).to.equal(204211);
    expect(ecKey('204-211-1')).to.equal(NO_KEY);
    expect(ecKey('123-456-7')).to.equal(NO_KEY);
    expect(ecKey('204 211 0')).to.equal(204211);
  });

  it('when an ELINCS number was issued with remainder 10 and check digit 1, then it is accepted', () => {
    expect(ecKey('423-740-1')).to.equal(423740);
  });

  it('when an EC number starts with 6–9, then it is an ECHA list number', () => {
    expect(isEcListNumber('700-000-7')).to.equal(true);
    expect(isEcListNumber('204-211-0')).to.equal(false);
  });
});

describe(indexKey.name, () => {
  it('when a CLP index number has the right check character (X for 10), then it has a key', () => {
    expect(indexKey('024-001-00-0')).to.equal(2400100);
    expect(indexKey('601-002-00-X')).to.equal(60100200);
    expect(indexKey('601-002-00-x')).to.equal(60100200);
    expect(indexKey('024-001-00-1')).to.equal(NO_KEY);
  });
});
