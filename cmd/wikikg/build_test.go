package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"github.com/wikikg/wikikg/ontology"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"

	"github.com/wikikg/wikikg/extract"
)

// runOK runs wikikg and fails the test unless it exits with want.
func runOK(t *testing.T, want int, stdin []byte, args ...string) (stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, bytes.NewReader(stdin), &out, &errb)
	if code != want {
		t.Fatalf("wikikg %s: exit %d, want %d\nstderr: %s", strings.Join(args, " "), code, want, errb.String())
	}
	return out.String(), errb.String()
}

// TestWorkersDeterministic builds the corpus with one and with many workers
// and requires the same bytes in every format.
func TestWorkersDeterministic(t *testing.T) {
	for _, format := range []string{"nq", "ttl", "jsonld"} {
		t.Run(format, func(t *testing.T) {
			one, _ := runOK(t, 0, nil, "build", "-q", "--workers", "1", "--format", format, corpusDir)
			many, _ := runOK(t, 0, nil, "build", "-q", "--workers", "7", "--format", format, corpusDir)
			if one != many {
				t.Errorf("output with 1 and 7 workers differs")
			}
			if len(one) < 10000 {
				t.Errorf("only %d bytes of output", len(one))
			}
		})
	}
}

// TestShardsConcatenate checks that the N shards of a run, concatenated in
// order, are the single run's output, for N-Quads and N-Triples.
func TestShardsConcatenate(t *testing.T) {
	for _, format := range []string{"nq", "nt"} {
		whole, _ := runOK(t, 0, nil, "build", "-q", "--format", format, corpusDir, "../../testdata/seed")
		for _, n := range []int{2, 3, 7} {
			var parts strings.Builder
			for i := 1; i <= n; i++ {
				out, _ := runOK(t, 0, nil, "build", "-q", "--format", format, "--shard", strconv.Itoa(i)+"/"+strconv.Itoa(n), corpusDir, "../../testdata/seed")
				parts.WriteString(out)
			}
			if parts.String() != whole {
				t.Errorf("%s: %d shards concatenated differ from the single run", format, n)
			}
		}
	}
}

// TestSavedCatalogShards saves the catalog with "wikikg catalog" and builds
// shards with it: concatenated, they are the single run's bytes. A catalog
// is refused with another mapping, or for other input.
func TestSavedCatalogShards(t *testing.T) {
	whole, _ := runOK(t, 0, nil, "build", "-q", "--format", "nq", corpusDir, "../../testdata/seed")
	cat := filepath.Join(t.TempDir(), "run.catalog")
	runOK(t, 0, nil, "catalog", "-q", "-o", cat, corpusDir, "../../testdata/seed")
	var parts strings.Builder
	for i := 1; i <= 3; i++ {
		out, _ := runOK(t, 0, nil, "build", "-q", "--format", "nq", "--catalog", cat, "--shard", strconv.Itoa(i)+"/3", corpusDir, "../../testdata/seed")
		parts.WriteString(out)
	}
	if parts.String() != whole {
		t.Error("3 shards built with the saved catalog, concatenated, differ from the single run")
	}
	mapping := filepath.Join(t.TempDir(), "mapping.tsv")
	if err := os.WriteFile(mapping, append(ontology.DefaultMappingSource(), "\n# another mapping\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	runOK(t, exitInput, nil, "build", "-q", "--format", "nq", "--mapping", mapping, "--catalog", cat, corpusDir, "../../testdata/seed")
	runOK(t, exitInput, nil, "build", "-q", "--format", "nq", "--catalog", cat, "../../testdata/seed")
	runOK(t, exitUsage, nil, "catalog", corpusDir)
}

// TestCatalogParts runs the catalog pass as four machines would, one part
// of the input's files each, merges the parts, and requires the catalog
// one pass makes, to the byte, and the same output from it.
func TestCatalogParts(t *testing.T) {
	dir := t.TempDir()
	whole := filepath.Join(dir, "whole.catalog")
	runOK(t, 0, nil, "catalog", "-q", "-o", whole, corpusDir, "../../testdata/seed")
	merge := []string{"catalog", "--merge", "-o", filepath.Join(dir, "merged.catalog")}
	for i := 1; i <= 4; i++ {
		part := filepath.Join(dir, "part-"+strconv.Itoa(i))
		_, stderr := runOK(t, 0, nil, "catalog", "-o", part, "--shard", strconv.Itoa(i)+"/4", corpusDir, "../../testdata/seed")
		if !strings.Contains(stderr, "catalog part (files") {
			t.Errorf("the summary of part %d does not say it is a part: %s", i, stderr)
		}
		merge = append(merge, part)
	}
	runOK(t, 0, nil, merge...)
	a, err := os.ReadFile(whole)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(merge[3])
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatalf("the merged parts are %d bytes unlike the one pass's catalog of %d", len(b), len(a))
	}
	want, _ := runOK(t, 0, nil, "build", "-q", "--format", "nq", corpusDir, "../../testdata/seed")
	got, _ := runOK(t, 0, nil, "build", "-q", "--format", "nq", "--catalog", merge[3], corpusDir, "../../testdata/seed")
	if got != want {
		t.Error("the build with the merged catalog differs from the build with its own pass")
	}

	// Parts out of order or missing, a whole catalog among them, a part
	// given to build, and both flags at once are refused.
	runOK(t, exitInput, nil, "catalog", "--merge", "-o", filepath.Join(dir, "x"), merge[5], merge[4], merge[6], merge[7])
	runOK(t, exitInput, nil, "catalog", "--merge", "-o", filepath.Join(dir, "x"), merge[4], merge[6], merge[7])
	runOK(t, exitInput, nil, "catalog", "--merge", "-o", filepath.Join(dir, "x"), merge[4], merge[5], merge[6])
	runOK(t, exitInput, nil, "catalog", "--merge", "-o", filepath.Join(dir, "x"), whole)
	runOK(t, exitInput, nil, "build", "-q", "--catalog", merge[4], corpusDir, "../../testdata/seed")
	runOK(t, exitUsage, nil, "catalog", "--merge", "--shard", "1/2", "-o", filepath.Join(dir, "x"), merge[4])
	if _, err := os.Stat(filepath.Join(dir, "x")); err == nil {
		t.Error("a refused merge wrote its output")
	}
}

func TestShardUsage(t *testing.T) {
	for _, s := range []string{"0/3", "4/3", "x", "1/0", "1-2"} {
		runOK(t, exitUsage, nil, "build", "--shard", s, corpusDir)
	}
}

// TestCompressedAndJSONLInputs reads the seed as plain text, gzip, bzip2,
// zstd, JSON Lines and from standard input, and requires the same graph.
func TestCompressedAndJSONLInputs(t *testing.T) {
	seed := "../../testdata/seed/siege-of-pyongyang-1592.txt"
	raw, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := runOK(t, 0, nil, "build", "-q", "--format", "nt", seed)
	dir := t.TempDir()

	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(raw)
	zw.Close()
	// A misleading name: formats are recognised by content.
	os.WriteFile(filepath.Join(dir, "seed.txt.gz"), gz.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "gzip-named.txt"), gz.Bytes(), 0o644)

	var zs bytes.Buffer
	enc, _ := zstd.NewWriter(&zs)
	enc.Write(raw)
	enc.Close()
	os.WriteFile(filepath.Join(dir, "seed.txt.zst"), zs.Bytes(), 0o644)

	title, body, _ := strings.Cut(string(raw), "\n")
	rec, _ := json.Marshal(map[string]string{"title": strings.Trim(title, "= "), "text": body})
	os.WriteFile(filepath.Join(dir, "seed.jsonl"), append(rec, '\n'), 0o644)

	cases := map[string][]string{
		"gzip":       {filepath.Join(dir, "seed.txt.gz")},
		"gzip-named": {filepath.Join(dir, "gzip-named.txt")},
		"zstd":       {filepath.Join(dir, "seed.txt.zst")},
		"jsonl":      {filepath.Join(dir, "seed.jsonl")},
		"glob":       {filepath.Join(filepath.Dir(seed), "siege-*.txt")},
	}
	if bz, err := exec.LookPath("bzip2"); err == nil {
		p := filepath.Join(dir, "seed.txt.bz2")
		os.WriteFile(filepath.Join(dir, "seed-copy.txt"), raw, 0o644)
		out, err := exec.Command(bz, "-c", filepath.Join(dir, "seed-copy.txt")).Output()
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(p, out, 0o644)
		cases["bzip2"] = []string{p}
	}
	for name, args := range cases {
		t.Run(name, func(t *testing.T) {
			got, _ := runOK(t, 0, nil, append([]string{"build", "-q", "--format", "nt"}, args...)...)
			if stripSource(got) != stripSource(want) {
				t.Errorf("graph differs:\n%s", lineDiff([]byte(stripSource(want)), []byte(stripSource(got))))
			}
		})
	}
	t.Run("stdin", func(t *testing.T) {
		got, _ := runOK(t, 0, raw, "build", "-q", "--format", "nt", "-")
		if stripSource(got) != stripSource(want) {
			t.Errorf("graph from standard input differs")
		}
	})
}

// stripSource drops the kg:sourceFile triple, which names the input.
func stripSource(nt string) string {
	var keep []string
	for _, l := range strings.Split(nt, "\n") {
		if !strings.Contains(l, "ontology#sourceFile>") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

// TestCrossArticleResolution checks the catalog: a battle listed with its
// year gets the IRI of the article titled without it when the dates agree,
// and a name two articles share stays its own.
func TestCrossArticleResolution(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "= Battle of Miyajima =\n\nInfobox\n- Conflict: Battle of Miyajima\n- Date: 16 October 1555\n- Combatant1: Mōri clan\n")
	write("b.txt", "= Kobayakawa Takakage =\n\nKobayakawa Takakage\n- Birth Date: 1533\n- Battles: Battle of Miyajima (1555), Siege of Pyongyang, Battle of Torisaka (1568)\n")
	write("c.txt", "= Siege of Pyongyang (1592) =\n\nInfobox\n- Conflict: Siege of Pyongyang\n- Date: 1592\n- Combatant1: Japan\n\n= Siege of Pyongyang (1593) =\n\nInfobox\n- Conflict: Siege of Pyongyang\n- Date: 1593\n- Combatant1: Ming\n")
	out, _ := runOK(t, 0, nil, "build", "-q", "--format", "nt", dir)
	battles := "<https://w3id.org/wikikg/property/battles>"
	for _, want := range []string{
		battles + " <https://w3id.org/wikikg/resource/Battle_of_Miyajima>",
		battles + " <https://w3id.org/wikikg/resource/Battle_of_Torisaka_(1568)>",
		battles + " <https://w3id.org/wikikg/resource/Siege_of_Pyongyang>",
		"<https://w3id.org/wikikg/resource/Battle_of_Miyajima> <http://www.w3.org/2004/02/skos/core#altLabel> \"Battle of Miyajima (1555)\"@en",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s", want)
		}
	}
	if strings.Contains(out, "Siege_of_Pyongyang_(1592)> <https://w3id.org/wikikg/property/battles") ||
		strings.Contains(out, battles+" <https://w3id.org/wikikg/resource/Siege_of_Pyongyang_(159") {
		t.Errorf("an ambiguous name was resolved to one of two sieges")
	}
}

// TestHomonyms checks that a person's name the articles' dates show to be
// several people's is not merged by name alone: each period gets its own
// entity, the titled person keeps the plain name within a lifetime, and an
// undated article keeps the plain name.
func TestHomonyms(t *testing.T) {
	dir := t.TempDir()
	battle := func(title, date, commander string) string {
		s := "= " + title + " =\n\nInfobox\n- Conflict: " + title + "\n"
		if date != "" {
			s += "- Date: " + date + "\n"
		}
		return s + "- Commander1: " + commander + "\n\n" + commander + " led the army.\n\n"
	}
	files := map[string]string{
		"a.txt": battle("Battle of Alpha", "1592", "Yi Il") + battle("Battle of Beta", "12 May 1593", "Yi Il"),
		"b.txt": battle("Battle of Gamma", "1894", "Yi Il") + battle("Battle of Zeta", "", "Yi Il"),
		"c.txt": "= Kim Si-min =\n\nKim Si-min\n- Birth Date: 1554\n\n" +
			battle("Battle of Delta", "1592", "Kim Si-min") + battle("Battle of Epsilon", "1950", "Kim Si-min"),
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, _ := runOK(t, 0, nil, "build", "-q", "--format", "nq", dir)
	res := "https://w3id.org/wikikg/resource/"
	commander := "<https://w3id.org/wikikg/ontology#commander>"
	for battle, want := range map[string]string{
		"Battle_of_Alpha":   "Yi_Il_(fl._1592)",
		"Battle_of_Beta":    "Yi_Il_(fl._1592)",
		"Battle_of_Gamma":   "Yi_Il_(fl._1894)",
		"Battle_of_Zeta":    "Yi_Il",
		"Battle_of_Delta":   "Kim_Si-min",
		"Battle_of_Epsilon": "Kim_Si-min_(fl._1950)",
	} {
		line := "<" + res + battle + "#side1> " + commander + " <" + res + want + "> <" + res + battle + "#article> ."
		if !strings.Contains(out, line) {
			t.Errorf("output lacks %s", line)
		}
	}
	if !strings.Contains(out, "<"+res+"Yi_Il_(fl._1894)> <http://www.w3.org/2004/02/skos/core#altLabel> \"Yi Il\"@en") {
		t.Errorf("the qualified entity lacks the plain name as an alias")
	}
}

// TestReportAndExitStatus checks --report and the exit status for input
// with errors: the good article is still written.
func TestReportAndExitStatus(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.txt")
	os.WriteFile(in, []byte("= Good =\n\nInfobox\n- Conflict: Good\n- Date: 1592\n\n= Bad\xff Title =\n\nText.\n"), 0o644)
	report := filepath.Join(dir, "report.json")
	out := filepath.Join(dir, "out.nt")
	_, stderr := runOK(t, exitInput, nil, "build", "-o", out, "--report", report, in)
	if !strings.Contains(stderr, in+":7:") {
		t.Errorf("stderr lacks the error position %s:7:…: %s", in, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(data), "resource/Good>") {
		t.Errorf("the good article was not written: %v", err)
	}
	var rep struct {
		Articles int `json:"articles"`
		Failed   int `json:"articlesWithErrors"`
		Errors   []struct {
			File   string `json:"file"`
			Line   int    `json:"line"`
			Column int    `json:"column"`
		} `json:"errors"`
		PeakRSS int64 `json:"peakRSSBytes"`
	}
	b, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Articles != 1 || rep.Failed != 1 || len(rep.Errors) != 1 || rep.Errors[0].Line != 7 || rep.Errors[0].Column != 6 || rep.PeakRSS <= 0 {
		t.Errorf("report = %+v", rep)
	}
}

// TestAtomicOutput checks that a run that cannot finish leaves no file
// behind: the output directory keeps only what was there.
func TestAtomicOutput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "g.ttl")
	runOK(t, exitUsage, nil, "build", "-o", out, filepath.Join(dir, "missing.txt"))
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}

// failingWriter accepts limit bytes, then fails every write.
type failingWriter struct{ limit int }

var errNoSpace = errors.New("no space left on device")

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.limit {
		return 0, errNoSpace
	}
	w.limit -= len(p)
	return len(p), nil
}

// TestOutputWriteError checks that a failing output stops the run with
// the writer's error, whatever the number of workers, rather than
// reporting success.
func TestOutputWriteError(t *testing.T) {
	for _, workers := range []string{"1", "3"} {
		t.Run(workers, func(t *testing.T) {
			var errb bytes.Buffer
			code := Run([]string{"build", "-q", "--workers", workers, "--format", "nq", corpusDir}, nil, &failingWriter{limit: 300 << 10}, &errb)
			if code == exitOK || !strings.Contains(errb.String(), errNoSpace.Error()) {
				t.Errorf("exit %d, stderr %q; want a failure naming %q", code, errb.String(), errNoSpace)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"build", "--format", "xml", corpusDir},
		{"build", "-o", "x.xml", corpusDir},
		{"build", "--base", "not-an-iri", corpusDir},
		{"build", "--input-format", "csv", corpusDir},
		{"build"},
		{"nosuchcommand"},
	} {
		t.Run(strings.Join(args, "_"), func(t *testing.T) {
			runOK(t, exitUsage, nil, args...)
		})
	}
}

// TestReaderErrorsAs checks that input errors carry their position as data.
func TestReaderErrorsAs(t *testing.T) {
	r := extract.NewReader(strings.NewReader("= T =\n\nok\nbad \xff here\n"))
	r.File = "f.txt"
	_, err := r.Next()
	var pe *extract.ParseError
	if !errors.As(err, &pe) || pe.File != "f.txt" || pe.Line != 4 || pe.Column != 5 {
		t.Fatalf("err = %v, want a ParseError at f.txt:4:5", err)
	}
}
