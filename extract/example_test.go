package extract_test

import (
	"errors"
	"fmt"
	"io"
	"log"
	"strings"

	"github.com/wikikg/wikikg/extract"
)

func ExampleReader() {
	in := `= Siege of Pyongyang (1592) =

Infobox
- Conflict: Siege of Pyongyang
- Date: 19 July 1592 – 24 July 1592

The siege of Pyongyang was part of the Japanese invasions of Korea.

==Background==
- Capture of Kaesong
= Bad` + "\xff" + ` =
Text.
`
	r := extract.NewReader(strings.NewReader(in))
	r.File = "example.txt"
	for {
		a, err := r.Next()
		if err == io.EOF {
			break
		}
		var perr *extract.ParseError
		if errors.As(err, &perr) {
			fmt.Println("error:", err)
		} else if err != nil {
			log.Fatal(err) // an I/O error
		}
		if a == nil {
			continue // skipped input
		}
		fmt.Printf("%s at %v, %d lines\n", a.Title, a.Pos, a.Lines)
		if a.Infobox != nil {
			for _, f := range a.Infobox.Fields {
				fmt.Printf("  %s = %s (at %v)\n", f.Key, f.Value, f.ValuePos)
			}
		}
		for _, b := range a.Blocks {
			fmt.Printf("  %v %q in %q\n", b.Pos, b.Text, b.Section)
		}
	}
	// Output:
	// Siege of Pyongyang (1592) at 1:1, 10 lines
	//   Conflict = Siege of Pyongyang (at 4:13)
	//   Date = 19 July 1592 – 24 July 1592 (at 5:9)
	//   7:1 "The siege of Pyongyang was part of the Japanese invasions of Korea." in ""
	//   9:3 "Background" in ""
	//   10:3 "Capture of Kaesong" in "Background"
	// error: example.txt:11:6: invalid UTF-8
	// Bad� at 11:1, 2 lines
	//   12:1 "Text." in ""
}
