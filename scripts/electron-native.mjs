console.log('native: skipped for now');
