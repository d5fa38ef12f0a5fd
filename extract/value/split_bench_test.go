package value

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchField is an infobox field of the corpus with the belligerents of its
// article, which group the commanders.
type benchField struct {
	key, value string
	groups     []string
}

func benchFields(b *testing.B) []benchField {
	files, err := filepath.Glob("../../testdata/corpus/articles/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatalf("no corpus: %v", err)
	}
	var fields []benchField
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		var groups []string
		first := len(fields)
		for _, line := range strings.Split(string(data), "\n") {
			rest, ok := strings.CutPrefix(line, "- ")
			if !ok {
				continue
			}
			k, v, _ := strings.Cut(rest, ": ")
			fields = append(fields, benchField{key: k, value: v})
			if strings.HasPrefix(k, "Combatant") {
				for _, it := range oracleSplitEntities(v) {
					groups = append(groups, it.Name)
				}
			}
		}
		for i := first; i < len(fields); i++ {
			fields[i].groups = groups
		}
	}
	return fields
}

// BenchmarkSplitClean runs the list and name cleaning on every field of the
// corpus as the infobox extractor does: entity lists split (commanders
// grouped under belligerents), their names cleaned once more, and every
// value cleaned as text. The oracle case is the code before its speed-up.
func BenchmarkSplitClean(b *testing.B) {
	fields := benchFields(b)
	type funcs struct {
		split   func(string) []Item
		grouped func(string, []string) []Item
		name    func(string) (string, bool)
		text    func(string) string
	}
	for _, bc := range []struct {
		name string
		f    funcs
	}{
		{"new", funcs{SplitEntities, SplitEntitiesGrouped, CleanName, CleanText}},
		{"oracle", funcs{oracleSplitEntities, oracleSplitEntitiesGrouped, oracleCleanName, oracleCleanText}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, fd := range fields {
					var items []Item
					if strings.HasPrefix(fd.key, "Commander") {
						items = bc.f.grouped(fd.value, fd.groups)
					} else {
						items = bc.f.split(fd.value)
					}
					for _, it := range items {
						bc.f.name(it.Name)
					}
					bc.f.text(fd.value)
				}
			}
		})
	}
}
