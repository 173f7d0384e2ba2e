// An unhandled rejection in a test is a bug: fail loudly instead of letting mocha pass (mongodb driver does the same).
process.on('unhandledRejection', (reason) => {
  throw reason;
});
