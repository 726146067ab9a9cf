/** npm run bench: runs every benchmark in bench/ and prints its measurements. */
process.stdout.write('no benchmarks yet\n');
