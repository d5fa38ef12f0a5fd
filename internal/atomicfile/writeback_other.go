//go:build !linux

package atomicfile

import "os"

// startWriteback does nothing where sync_file_range(2) is missing: the
// kernel writes the bytes in its own time, and Commit's sync waits for
// the rest.
func startWriteback(f *os.File, off, n int64) {}
