package extract

import (
	"testing"

	"github.com/wikikg/wikikg/ontology"
	"github.com/wikikg/wikikg/rdf"
)

func TestClassFromTitle(t *testing.T) {
	conflict := ontology.MilitaryConflict
	tests := []struct {
		title string
		want  rdf.Term
	}{
		{"Battle of Sekigahara", conflict},
		{"Siege of Osaka", conflict},
		{"Imjin War", conflict},
		{"Genpei Wars", conflict},
		{"Shimabara Rebellion", conflict},
		{"Kyushu campaign", conflict},
		{"Japanese invasions of Korea (1592–1598)", conflict},
		{"Mongol Invasion", conflict},
		{"Ikkō-ikki Uprising", conflict},
		{"Nore Mutiny", conflict},
		{"War", conflict},
		{"Warlords of Japan", rdf.Term{}}, // a cue's initial and no cue
		{"Wa", rdf.Term{}},
		{"Rebellions", rdf.Term{}},
		{"Campaigner", rdf.Term{}},
		{"Invasionary", rdf.Term{}},
		{"Mutinous crew", rdf.Term{}},
		{"Battle", rdf.Term{}},
		{"Postwar Japan", rdf.Term{}},
		{"War_Memorial", rdf.Term{}}, // '_' is a word character
		{"Oda Nobunaga", rdf.Term{}},
		{"", rdf.Term{}},
	}
	for _, tt := range tests {
		if got := ClassFromTitle(tt.title); got != tt.want {
			t.Errorf("ClassFromTitle(%q) = %v, want %v", tt.title, got, tt.want)
		}
	}
}
