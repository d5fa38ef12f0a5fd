package extract

import "testing"

// FuzzPlaceDescriptorFilter checks that mayDescribePlace never rules out a
// name that placeDescriptor would change.
func FuzzPlaceDescriptorFilter(f *testing.F) {
	for _, s := range []string{"off the coast of Namhae Island", "Near Seoul", "northeast of Kaesong", "NorthWest of X", "ſouth of X", "Seoul", "eastwestern X", "around\tX", "outside", "OFF  X"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !mayDescribePlace(s) && placeDescriptor.ReplaceAllString(s, "") != s {
			t.Errorf("mayDescribePlace(%q) = false, but placeDescriptor removes %q", s, placeDescriptor.FindString(s))
		}
	})
}
