// Command wikikg turns encyclopedia articles into a knowledge graph of RDF
// linked data. Run "wikikg help" for its subcommands.
package main

import "os"

func main() {
	os.Exit(Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
