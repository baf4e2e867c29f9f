// lz-string (npm) as an ES module for the page: www/vendor/lz-string/lz-string.js (see the
// Makefile). Programs travel in permalinks compressed (www/ui/permalink.js).
import LZString from 'lz-string';

export const { compressToEncodedURIComponent, decompressFromEncodedURIComponent } = LZString;
