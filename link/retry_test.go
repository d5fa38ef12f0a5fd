package link

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// wikimediaErrorPage is the shape of the HTML page Wikimedia's front end
// sends with a 429 or a 5xx (not JSON: the API never saw the request).
const wikimediaErrorPage = `<!DOCTYPE html>
<html lang="en">
<meta charset="utf-8">
<title>Wikimedia Error</title>
<div class="content" role="main">
<h1>Error</h1>
<p>Our servers are currently under maintenance or experiencing a technical issue. Please <a href="" title="Reload this page" onclick="window.location.reload(false); return false">try again</a> in a few&nbsp;minutes.</p>
</div>
</html>
`

// fixtureEntity returns the line of the fixture dump holding the entity id.
func fixtureEntity(t *testing.T, id string) json.RawMessage {
	t.Helper()
	f, err := os.Open("testdata/fixture.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		l := bytes.TrimSuffix(bytes.TrimSpace(sc.Bytes()), []byte(","))
		if bytes.HasPrefix(l, []byte(`{"type":"item","id":"`+id+`"`)) {
			return json.RawMessage(bytes.Clone(l))
		}
	}
	t.Fatalf("%s not in the fixture", id)
	return nil
}

// reply is one answer of the flaky server: a status and a Retry-After
// header (none when empty); any status but 200 comes with Wikimedia's
// error page.
type reply struct {
	status     int
	retryAfter string
}

// TestHTTPRetries checks HTTPFetcher's retries on throttling (429) and
// server errors (5xx) against a local server that answers with the given
// replies in turn (the last one over and over) and then, on 200, with
// wbgetentities' real response for an enwiki title.
func TestHTTPRetries(t *testing.T) {
	const title, id = "Siege of Pyongyang (1592)", "Q900000005"
	entity := fixtureEntity(t, id)
	for _, tc := range []struct {
		name    string
		replies []reply
		retries int
		backoff time.Duration
		// wantWait is the least time the fetch must take.
		wantWait time.Duration
		slow     bool
		requests int32
		// wantCode is the status of the error given up with (0: success).
		wantCode int
	}{
		// A backoff of an hour: only honouring Retry-After: 0 ends the
		// test in time.
		{name: "429 Retry-After 0 then 200", replies: []reply{{429, "0"}, {200, ""}}, backoff: time.Hour, requests: 2},
		// Retry-After: 1 against a backoff of a millisecond: the fetch
		// must wait the second the server asked for.
		{name: "429 Retry-After 1 then 200", replies: []reply{{429, "1"}, {200, ""}}, backoff: time.Millisecond, wantWait: time.Second, slow: true, requests: 2},
		{name: "503 then 200", replies: []reply{{503, ""}, {200, ""}}, backoff: time.Millisecond, requests: 2},
		{name: "502 twice then 200", replies: []reply{{502, ""}, {502, ""}, {200, ""}}, backoff: time.Millisecond, requests: 3},
		{name: "500 forever", replies: []reply{{500, ""}}, retries: 3, backoff: time.Millisecond, requests: 4, wantCode: 500},
		{name: "429 forever", replies: []reply{{429, "0"}}, retries: 2, backoff: time.Hour, requests: 3, wantCode: 429},
		// A client error is not retried.
		{name: "404 not retried", replies: []reply{{404, ""}}, backoff: time.Hour, requests: 1, wantCode: 404},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.slow && testing.Short() {
				t.Skip("waits a second (-short)")
			}
			var n atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				q := r.URL.Query()
				if !strings.HasPrefix(r.UserAgent(), "wikikg/") || q.Get("maxlag") != "5" || q.Get("format") != "json" ||
					q.Get("action") != "wbgetentities" || q.Get("sites") != "enwiki" || q.Get("titles") != title {
					http.Error(w, "unexpected request "+r.URL.RawQuery, http.StatusBadRequest)
					return
				}
				rp := tc.replies[min(int(n.Add(1)), len(tc.replies))-1]
				if rp.status != http.StatusOK {
					if rp.retryAfter != "" {
						w.Header().Set("Retry-After", rp.retryAfter)
					}
					w.Header().Set("Content-Type", "text/html; charset=utf-8")
					w.WriteHeader(rp.status)
					w.Write([]byte(wikimediaErrorPage))
					return
				}
				w.Header().Set("Content-Type", "application/json; charset=utf-8")
				json.NewEncoder(w).Encode(map[string]any{"entities": map[string]json.RawMessage{id: entity}, "success": 1})
			}))
			defer srv.Close()
			if !strings.HasPrefix(srv.URL, "http://127.0.0.1:") {
				t.Fatalf("server at %s, want loopback", srv.URL)
			}
			// No case may take long: a wait not cut short by Retry-After
			// runs into this deadline.
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			hf := &HTTPFetcher{Endpoint: srv.URL, Retries: tc.retries, Backoff: tc.backoff}
			api := &API{Fetcher: hf}
			start := time.Now()
			res, err := api.Candidates(ctx, []Query{{Title: title, Names: []string{title}}})
			took := time.Since(start)
			if got := n.Load(); got != tc.requests || int32(hf.Requests()) != tc.requests {
				t.Errorf("%d requests served, %d made, want %d", got, hf.Requests(), tc.requests)
			}
			if took < tc.wantWait {
				t.Errorf("took %v, want at least the %v Retry-After asked", took, tc.wantWait)
			}
			if tc.wantCode == 0 {
				if err != nil {
					t.Fatalf("error %v, want %s", err, id)
				}
				if len(res[0]) != 1 || res[0][0].ID != id || res[0][0].Sitelink != title {
					t.Errorf("got %+v, want %s", res[0], id)
				}
				return
			}
			var se *StatusError
			if !errors.As(err, &se) {
				t.Fatalf("error %v (%T), want a *StatusError", err, err)
			}
			if se.Code != tc.wantCode || !strings.HasPrefix(se.URL, srv.URL+"?") {
				t.Errorf("StatusError %+v, want code %d from %s", se, tc.wantCode, srv.URL)
			}
			if errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("error %v: gave up by the deadline, not by the retry limit", err)
			}
			if tc.requests > 1 && !strings.Contains(err.Error(), "giving up after "+strconv.Itoa(int(tc.requests))+" attempts") {
				t.Errorf("error %q does not say how many attempts were made", err)
			}
			if tc.requests == 1 && strings.Contains(err.Error(), "giving up") {
				t.Errorf("error %q: a %d is not retried", err, tc.wantCode)
			}
		})
	}
}
