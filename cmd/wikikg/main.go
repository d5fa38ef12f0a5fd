// Command wikikg turns encyclopedia articles into a knowledge graph of RDF
// linked data. Run "wikikg help" for its subcommands.
package main

import (
	"os"
	"runtime/debug"
)

// defaultGCPercent is the collector's target when GOGC is not set. A build
// allocates some 16 kB an article that is garbage once the article is
// written; at Go's default of 100 the collector took a tenth of a build's
// instructions (2 k generated articles, one worker). At 200 it takes a
// third as many, for a peak RSS of 432 MB in place of 328 MB on 100 k
// articles; 400 saved little more and took 681 MB. GOGC=100 restores Go's
// default.
const defaultGCPercent = 200

func main() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(defaultGCPercent)
	}
	os.Exit(Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
