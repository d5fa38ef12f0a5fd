package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/wikikg/wikikg/build"
)

// progress draws a one-line progress report on a terminal.
type progress struct {
	w     io.Writer
	drawn bool
}

// newProgress returns a progress line on w when w is a terminal and quiet
// is off, and nil otherwise (its methods accept a nil receiver).
func newProgress(w io.Writer, quiet bool) *progress {
	if quiet || !isTerminal(w) {
		return nil
	}
	return &progress{w: w}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

func (p *progress) show(st build.Stats) {
	if p == nil {
		return
	}
	secs := st.Elapsed.Seconds()
	rate, mbs := 0.0, 0.0
	if secs > 0 {
		rate = float64(st.Articles) / secs
		mbs = float64(st.Bytes) / 1e6 / secs
	}
	eta := ""
	if st.TotalBytes > 0 && st.Bytes > 0 && st.Bytes < st.TotalBytes {
		left := time.Duration(float64(st.TotalBytes-st.Bytes) / float64(st.Bytes) * float64(st.Elapsed))
		eta = fmt.Sprintf(", ETA %s", left.Round(time.Second))
	}
	fmt.Fprintf(p.w, "\r\033[K%d/%d articles, %.1f MB, %.0f articles/s, %.1f MB/s%s",
		st.Articles, st.TotalArticles, float64(st.Bytes)/1e6, rate, mbs, eta)
	p.drawn = true
}

func (p *progress) done() {
	if p != nil && p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
