package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"runtime/debug"

	"github.com/spf13/pflag"

	"github.com/wikikg/wikikg/input"
	"github.com/wikikg/wikikg/ontology"
)

// corpusFlags are the flags of the commands that make the catalog pass over
// a corpus, build and catalog, which must read it alike.
type corpusFlags struct {
	mapping     string
	workers     int
	inputFormat string
}

func (c *corpusFlags) register(f *pflag.FlagSet) {
	f.StringVar(&c.mapping, "mapping", "", "infobox mapping `FILE` replacing the built-in one")
	f.IntVar(&c.workers, "workers", 0, "extraction workers (default: all cores)")
	f.StringVar(&c.inputFormat, "input-format", "auto", "input format: auto, text, jsonl")
}

// parse returns the input format, the mapping and its identity (see
// loadMapping); its errors are usage errors.
func (c *corpusFlags) parse() (input.Format, *ontology.Mapping, string, error) {
	format, err := input.ParseFormat(c.inputFormat)
	if err != nil {
		return "", nil, "", usageError("--input-format: %v", err)
	}
	mapping, identity, err := loadMapping(c.mapping)
	if err != nil {
		return "", nil, "", usageError("--mapping: %v", err)
	}
	return format, mapping, identity, nil
}

// loadMapping returns the infobox mapping in the file at path, the
// built-in one when path is "", and the identity a saved catalog records:
// the mapping's digest and this binary's revision, since a catalog holds
// what that code extracted with that mapping.
func loadMapping(path string) (*ontology.Mapping, string, error) {
	src := ontology.DefaultMappingSource()
	mapping := ontology.DefaultMapping()
	if path != "" {
		var err error
		if src, err = os.ReadFile(path); err != nil {
			return nil, "", err
		}
		if mapping, err = ontology.ParseMapping(bytes.NewReader(src), path); err != nil {
			return nil, "", err
		}
	}
	sum := sha256.Sum256(src)
	return mapping, "mapping sha256:" + hex.EncodeToString(sum[:]) + ", wikikg " + codeIdentity(), nil
}

// codeIdentity names the code of this binary: its version and VCS
// revision, as far as the build recorded them.
func codeIdentity() string {
	id := version
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return id
	}
	if id == "" {
		id = info.Main.Version
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			id += " " + s.Value
		case "vcs.modified":
			if s.Value == "true" {
				id += "+modified"
			}
		}
	}
	return id
}
