import { expect } from 'chai';
import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig } from '../src/config.js';

const VALID_TOKEN = 'chemreg_test_admin_token_0123456789abcdef';

/** The ConfigError loadConfig throws for env, or a failure when it does not throw one. */
function configErrorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).to.be.instanceOf(ConfigError);
    return err as ConfigError;
  }
  expect.fail(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('configuration (loadConfig)', () => {
  it('when the environment sets nothing, then every key has its documented default', () => {
    // Arrange / Act
    const config = loadConfig({});

    // Assert
    expect(config).to.deep.equal({
      PORT: 8080,
      HOST: '0.0.0.0',
      DATA_DIR: './data/db',
      UPLOAD_MAX_BYTES: 20 * 1024 * 1024,
      JSON_MAX_BYTES: 1024 * 1024,
      SDS_EXTRACT_WORKERS: Math.min(2, availableParallelism()),
      SDS_EXTRACT_TIMEOUT_MS: 60_000,
      SDS_EXTRACT_MEMORY_MB: 512,
      AUTH_FAILURES_PER_IP: 50,
      AUTH_FAILURES_PER_TOKEN: 10,
      AUTH_FAILURE_WINDOW_S: 300,
      TRUST_PROXY: 0,
      SEARCH_CACHE_HITS: 50_000,
      LOG_LEVEL: 'info',
    });
    expect(config.MONGODB_URI).to.equal(undefined);
    expect(config.CHEMREG_ADMIN_TOKEN).to.equal(undefined);
  });

  it('when valid values are set, then they are parsed and typed (numbers become numbers)', () => {
    // Arrange
    const env = {
      PORT: '3000',
      HOST: '127.0.0.1',
      DATA_DIR: '/var/lib/chemreg',
      MONGODB_URI: 'mongodb+srv://db.example.org/chemreg',
      CHEMREG_ADMIN_TOKEN: VALID_TOKEN,
      UPLOAD_MAX_BYTES: '4096',
      JSON_MAX_BYTES: '2048',
      SDS_EXTRACT_WORKERS: '4',
      SDS_EXTRACT_TIMEOUT_MS: '250',
      SDS_EXTRACT_MEMORY_MB: '128',
      AUTH_FAILURES_PER_IP: '5',
      AUTH_FAILURES_PER_TOKEN: '3',
      AUTH_FAILURE_WINDOW_S: '60',
      TRUST_PROXY: '1',
      SEARCH_CACHE_HITS: '0',
      LOG_LEVEL: 'debug',
    };

    // Act
    const config = loadConfig(env);

    // Assert
    expect(config).to.deep.equal({
      ...env, PORT: 3000, UPLOAD_MAX_BYTES: 4096, JSON_MAX_BYTES: 2048, SDS_EXTRACT_WORKERS: 4, SDS_EXTRACT_TIMEOUT_MS: 250, SDS_EXTRACT_MEMORY_MB: 128,
      AUTH_FAILURES_PER_IP: 5, AUTH_FAILURES_PER_TOKEN: 3, AUTH_FAILURE_WINDOW_S: 60, TRUST_PROXY: 1, SEARCH_CACHE_HITS: 0,
    });
  });

  it('when the environment holds unrelated variables, then the configuration carries none of them', () => {
    // Act
    const config = loadConfig({ PATH: '/usr/bin', AWS_SECRET_ACCESS_KEY: 'not-ours' });

    // Assert
    expect(config).to.not.have.property('PATH');
    expect(config).to.not.have.property('AWS_SECRET_ACCESS_KEY');
  });

  const badValues: Array<[variable: string, value: string]> = [
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '80.5'],
    ['MONGODB_URI', 'http://x'],
    ['CHEMREG_ADMIN_TOKEN', 'too-short'],
    ['CHEMREG_ADMIN_TOKEN', 'chemreg admin token with a space 0123456789'],
    ['LOG_LEVEL', 'loud'],
    ['SEARCH_CACHE_HITS', '-1'],
    ['UPLOAD_MAX_BYTES', '-1'],
    ['JSON_MAX_BYTES', 'lots'],
    ['SDS_EXTRACT_WORKERS', '0'],
    ['SDS_EXTRACT_TIMEOUT_MS', '1.5'],
    ['SDS_EXTRACT_MEMORY_MB', '8'],
  ];
  for (const [variable, value] of badValues) {
    it(`when ${variable}=${JSON.stringify(value)}, then loading fails with a ConfigError naming ${variable}`, () => {
      // Act
      const err = configErrorOf({ [variable]: value });

      // Assert
      expect(err.name).to.equal('ConfigError');
      expect(err.message).to.match(new RegExp(`^\\s*${variable}: `, 'm'));
    });
  }

  it('when several variables are bad, then the one error names every one of them', () => {
    // Act
    const err = configErrorOf({ PORT: 'abc', LOG_LEVEL: 'loud', MONGODB_URI: 'http://x' });

    // Assert
    for (const variable of ['PORT', 'LOG_LEVEL', 'MONGODB_URI']) expect(err.message).to.match(new RegExp(`^\\s*${variable}: `, 'm'));
    expect(err.message).to.not.match(/^\s*DATA_DIR: /m);
  });

  it('when the admin token is rejected, then the error message does not repeat the secret', () => {
    // Arrange: long enough, but with a space, so it is refused on its form
    const secret = 'almost-a-valid-secret 0123456789abcdefghij';

    // Act
    const err = configErrorOf({ CHEMREG_ADMIN_TOKEN: secret });

    // Assert
    expect(err.message).to.not.include(secret);
  });

  it('when a variable is set but empty, then it counts as unset and takes its default', () => {
    // Act
    const config = loadConfig({ MONGODB_URI: '', CHEMREG_ADMIN_TOKEN: '', PORT: '', UPLOAD_MAX_BYTES: '', LOG_LEVEL: '' });

    // Assert
    expect(config.MONGODB_URI).to.equal(undefined);
    expect(config.CHEMREG_ADMIN_TOKEN).to.equal(undefined);
    expect(config.PORT).to.equal(8080);
    expect(config.UPLOAD_MAX_BYTES).to.equal(20 * 1024 * 1024);
    expect(config.LOG_LEVEL).to.equal('info');
  });

  it('when the configuration is loaded, then it is frozen and cannot be changed afterwards', () => {
    // Arrange
    const config = loadConfig({});

    // Act / Assert: ES modules are strict, so writing to a frozen object throws
    expect(Object.isFrozen(config)).to.equal(true);
    expect(() => {
      (config as { PORT: number }).PORT = 1;
    }).to.throw(TypeError);
    expect(config.PORT).to.equal(8080);
  });
});
