// Package atomicfile writes files that appear whole or not at all: the data
// goes to a temporary file beside the target, which Commit syncs and renames
// into place, so a failure never leaves a truncated file behind.
package atomicfile

import (
	"os"
	"path/filepath"
)

// File is a file being written atomically.
type File struct {
	*os.File
	path string
	done bool
}

// Create starts writing path.
func Create(path string) (*File, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return nil, err
	}
	return &File{File: f, path: path}, nil
}

// Commit syncs and closes the file and renames it into place, readable by
// all as a file os.Create makes.
func (f *File) Commit() error {
	if err := f.Sync(); err != nil {
		f.Abort()
		return err
	}
	if err := f.Close(); err != nil {
		f.Abort()
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		f.Abort()
		return err
	}
	if err := os.Rename(f.Name(), f.path); err != nil {
		f.Abort()
		return err
	}
	f.done = true
	return nil
}

// Abort removes the temporary file unless Commit succeeded; it is safe to
// defer right after Create.
func (f *File) Abort() {
	if !f.done {
		f.Close()
		os.Remove(f.Name())
		f.done = true
	}
}

// Write writes data to path atomically.
func Write(path string, data []byte) error {
	f, err := Create(path)
	if err != nil {
		return err
	}
	if _, err := f.File.Write(data); err != nil {
		f.Abort()
		return err
	}
	return f.Commit()
}
