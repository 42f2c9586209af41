/** Ends the run with one plain line, `jest: N passed, N failed`, that CI tooling reads. */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    process.stdout.write(`jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed\n`);
  }
}

module.exports = SummaryReporter;
