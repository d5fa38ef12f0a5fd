package link

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// fakeWikidata serves wbgetentities and wbsearchentities from the fixture
// dump, in the API's response shapes, and answers its first request with
// a maxlag error as a lagging Wikidata does.
func fakeWikidata(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	f, err := os.Open("testdata/fixture.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	raw := map[string]json.RawMessage{}
	items := map[string]*Item{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		l := bytes.TrimSuffix(bytes.TrimSpace(sc.Bytes()), []byte(","))
		if len(l) < 2 {
			continue
		}
		it, err := ParseEntity(l, nil)
		if err != nil {
			t.Fatal(err)
		}
		raw[it.ID] = json.RawMessage(bytes.Clone(l))
		items[it.ID] = it
	}
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if !strings.HasPrefix(r.UserAgent(), "wikikg/") || q.Get("maxlag") != "5" || q.Get("format") != "json" {
			http.Error(w, "bad client", http.StatusForbidden)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		if n.Add(1) == 1 {
			w.Header().Set("Retry-After", "0")
			w.Header().Set("X-Database-Lag", "6")
			w.Write([]byte(`{"error":{"code":"maxlag","info":"Waiting for 10.64.48.1: 6 seconds lagged.","host":"10.64.48.1","lag":6,"type":"db"},"servedby":"mw1"}`))
			return
		}
		switch q.Get("action") {
		case "wbgetentities":
			out := map[string]json.RawMessage{}
			if ts := q.Get("titles"); ts != "" {
				for i, title := range strings.Split(ts, "|") {
					found := false
					for id, it := range items {
						if it.Sitelink == title {
							out[id], found = raw[id], true
						}
					}
					if !found {
						out[strings.Repeat("-", 1)+string(rune('1'+i))], _ = json.Marshal(map[string]string{"site": "enwiki", "title": title, "missing": ""})
					}
				}
			}
			for _, id := range strings.Split(q.Get("ids"), "|") {
				if raw[id] != nil {
					out[id] = raw[id]
				}
			}
			json.NewEncoder(w).Encode(map[string]any{"entities": out, "success": 1})
		case "wbsearchentities":
			type hit struct {
				ID    string            `json:"id"`
				Title string            `json:"title"`
				Label string            `json:"label"`
				Match map[string]string `json:"match"`
			}
			hits := []hit{}
			for id, it := range items {
				for _, name := range it.names() {
					if strings.HasPrefix(strings.ToLower(name), strings.ToLower(q.Get("search"))) {
						hits = append(hits, hit{id, id, it.Label, map[string]string{"type": "label", "language": "en", "text": name}})
						break
					}
				}
			}
			json.NewEncoder(w).Encode(map[string]any{"searchinfo": map[string]string{"search": q.Get("search")}, "search": hits, "success": 1})
		default:
			http.Error(w, "unknown action", http.StatusBadRequest)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func TestAPI(t *testing.T) {
	srv, n := fakeWikidata(t)
	cache := t.TempDir()
	qs := []Query{
		{Title: "Siege of Pyongyang (1592)", Names: []string{"Siege of Pyongyang (1592)"}},
		{Title: "Hanseong", Names: []string{"Hanseong"}},
		{Title: "Nowhere", Names: []string{"Nowhere"}},
	}
	run := func() [][]*Item {
		hf := &HTTPFetcher{Endpoint: srv.URL, Backoff: time.Millisecond}
		api := &API{Fetcher: &CachedFetcher{Fetcher: hf, Dir: cache}}
		res, err := api.Candidates(context.Background(), qs)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	res := run()
	for _, tc := range []struct {
		i    int
		want string
	}{{0, "Q900000005"}, {1, "Q900000012"}, {2, ""}} {
		t.Run(qs[tc.i].Title, func(t *testing.T) {
			var ids []string
			for _, it := range res[tc.i] {
				ids = append(ids, it.ID)
			}
			if strings.Join(ids, ",") != tc.want {
				t.Errorf("got %v, want %s", ids, tc.want)
			}
		})
	}
	asked := n.Load()
	if asked < 3 {
		t.Errorf("%d requests: want the maxlag retry and the real ones", asked)
	}
	run()
	if n.Load() != asked {
		t.Errorf("rerun made %d requests, want 0 (cache)", n.Load()-asked)
	}
}

// TestChain checks that the API is asked only for what the index lacks.
func TestChain(t *testing.T) {
	srv, n := fakeWikidata(t)
	n.Store(1) // no maxlag this time
	ix := fixtureIndex(t)
	hf := &HTTPFetcher{Endpoint: srv.URL}
	c := Chain{ix, &API{Fetcher: hf}}
	res, err := c.Candidates(context.Background(), []Query{{Title: "Yi Sun-sin", Names: []string{"Yi Sun-sin"}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res[0]) != 1 || res[0][0].ID != "Q900000013" || hf.Requests() != 0 {
		t.Errorf("got %v with %d API requests, want Q900000013 from the index alone", res[0], hf.Requests())
	}
	if _, err := c.Candidates(context.Background(), []Query{{Title: "Nowhere", Names: []string{"Nowhere"}}}); err != nil || hf.Requests() == 0 {
		t.Errorf("a name the index lacks: %v, %d requests", err, hf.Requests())
	}
}
