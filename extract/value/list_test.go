package value

import (
	"reflect"
	"slices"
	"testing"
)

func TestSplitEntitiesCorpus(t *testing.T) {
	tests := []struct {
		in   string
		want []Item
	}{
		{"Oda clan, Tokugawa clan", []Item{{Name: "Oda clan"}, {Name: "Tokugawa clan"}}},
		{"In Ansi:, Yang Manch'un, At Jupilsan:, Ko YŏnsuPOW, Ko HyejinPOW", []Item{
			{Name: "Yang Manch'un", Group: "In Ansi"},
			{Name: "Ko Yŏnsu", Group: "At Jupilsan", Flags: POW},
			{Name: "Ko Hyejin", Group: "At Jupilsan", Flags: POW}}},
		{"Emperor Taizong of Tang, Li Shiji, Zhangsun Wuji, Li DaozongWIA, Xue Rengui", []Item{
			{Name: "Emperor Taizong of Tang"}, {Name: "Li Shiji"}, {Name: "Zhangsun Wuji"}, {Name: "Li Daozong", Flags: WIA}, {Name: "Xue Rengui"}}},
		{"Minamoto no Noriyori (land), Minamoto no Yoshitsune (naval), Kajiwara Kagetoki (espionage), , (naval), Taguchi Shigeyoshi (defected)", []Item{
			{Name: "Minamoto no Noriyori", Note: "land"}, {Name: "Minamoto no Yoshitsune", Note: "naval"},
			{Name: "Kajiwara Kagetoki", Note: "espionage"}, {Name: "Taguchi Shigeyoshi", Note: "defected"}}},
		{"Emperor AntokuKIA, Taira no Munemori, KIA, KIA, (exiled), , Taira no KagekiyoPOW", []Item{
			{Name: "Emperor Antoku", Flags: KIA}, {Name: "Taira no Munemori"}, {Name: "Taira no Kagekiyo", Flags: POW}}},
		{"Yi Sun-sin, Yi Ŏkki , Wŏn Kyun", []Item{{Name: "Yi Sun-sin"}, {Name: "Yi Ŏkki"}, {Name: "Wŏn Kyun"}}},
		{"20px Toyotomi Japan", []Item{{Name: "Toyotomi Japan"}}},
		{"20px Kingdom of Joseon", []Item{{Name: "Kingdom of Joseon"}}},
		{"Main:, Konishi Yukinaga , Reinforcement:, Shimazu Yoshihiro, Tachibana Muneshige", []Item{
			{Name: "Konishi Yukinaga", Group: "Main"}, {Name: "Shimazu Yoshihiro", Group: "Reinforcement"}, {Name: "Tachibana Muneshige", Group: "Reinforcement"}}},
		{"Yi Sun-sinKIA, Yi Yeong-namKIA, Chen Lin", []Item{{Name: "Yi Sun-sin", Flags: KIA}, {Name: "Yi Yeong-nam", Flags: KIA}, {Name: "Chen Lin"}}},
		{"Forces of Sun Quan, Forces of Liu Qi (Liu Biao's son)", []Item{{Name: "Forces of Sun Quan"}, {Name: "Forces of Liu Qi", Note: "Liu Biao's son"}}},
		{"Orangai (Jurchens)", []Item{{Name: "Orangai", Note: "Jurchens"}}},
		{"Han KŭkhamPOW", []Item{{Name: "Han Kŭkham", Flags: POW}}},
		{"?", nil},
		{"Korean army, citizens", []Item{{Name: "Korean army"}}},
		{", , Naval support:,", nil},
		{",", nil},
		{"Joseon ---- Ming", []Item{{Name: "Joseon"}, {Name: "Ming"}}},
		{"15px Imperial House of Japan, 15px Amago clan (1522–1525)", []Item{{Name: "Imperial House of Japan"}, {Name: "Amago clan (1522–1525)"}}},
		{"Boshin War, *Battle of Utsunomiya Castle, *Battle of Aizu", []Item{{Name: "Boshin War"}, {Name: "Battle of Utsunomiya Castle"}, {Name: "Battle of Aizu"}}},
		{"Tokugawa bakufu , Republic of Ezo ,", []Item{{Name: "Tokugawa bakufu"}, {Name: "Republic of Ezo"}}},
		{"Joseon dynasty: , Jeong Bong-su", []Item{{Name: "Jeong Bong-su", Group: "Joseon dynasty"}}},
		{"Yi Il<br>Sin Rip; Kim Myŏngwŏn | Han Ŭngin", []Item{{Name: "Yi Il"}, {Name: "Sin Rip"}, {Name: "Kim Myŏngwŏn"}, {Name: "Han Ŭngin"}}},
		{"Yi Il and Sin Rip", []Item{{Name: "Yi Il"}, {Name: "Sin Rip"}}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := SplitEntities(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("SplitEntities(%q) =\n%+v\nwant\n%+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestSplitEntitiesGrouped(t *testing.T) {
	// siege-of-pyongyang-1593: Commander2 grouped by the Combatant2 names.
	in := "Ming , Li Rusong , Li Rubai , Song Yingchang, Zhang Shijue, Yang Yuan , Zu Chengxun , Wu Weizhong , Luo Shangzhi , Zha Dashou , Joseon , Yi Il, Hyujeong, Gim Eungso"
	groups := []string{"Ming dynasty", "Joseon"}
	var want []Item
	for _, n := range []string{"Li Rusong", "Li Rubai", "Song Yingchang", "Zhang Shijue", "Yang Yuan", "Zu Chengxun", "Wu Weizhong", "Luo Shangzhi", "Zha Dashou"} {
		want = append(want, Item{Name: n, Group: "Ming dynasty"})
	}
	for _, n := range []string{"Yi Il", "Hyujeong", "Gim Eungso"} {
		want = append(want, Item{Name: n, Group: "Joseon"})
	}
	if got := SplitEntitiesGrouped(in, groups); !reflect.DeepEqual(got, want) {
		t.Errorf("SplitEntitiesGrouped =\n%+v\nwant\n%+v", got, want)
	}

	tests := []struct {
		in     string
		groups []string
		want   []Item
	}{
		// imjin-war Commander1 names only its two belligerents.
		{"Joseon ---- Ming", []string{"Joseon", "Ming dynasty"}, nil},
		{"Kingdom of Joseon, Yi Il", []string{"Joseon"}, []Item{{Name: "Yi Il", Group: "Joseon"}}},
		// A name that merely starts like a group is not one.
		{"Ming Liang", []string{"Ming dynasty"}, []Item{{Name: "Ming Liang"}}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := SplitEntitiesGrouped(tt.in, tt.groups); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("SplitEntitiesGrouped(%q, %q) = %+v, want %+v", tt.in, tt.groups, got, tt.want)
			}
		})
	}
}

func TestSplitEntitiesGroupedOnlyWhenListStartsWithGroup(t *testing.T) {
	// battle-of-red-cliffs: commanders who share belligerents' names.
	got := SplitEntitiesGrouped("Zhou Yu, Cheng Pu, Liu Bei, Liu Qi", []string{"Forces of Sun Quan", "Forces of Liu Bei", "Liu Qi"})
	var names []string
	for _, it := range got {
		names = append(names, it.Name)
	}
	if want := []string{"Zhou Yu", "Cheng Pu", "Liu Bei", "Liu Qi"}; !slices.Equal(names, want) {
		t.Errorf("got %q, want %q", names, want)
	}
}

// TestAppendEntities checks that AppendEntities appends what
// SplitEntitiesGrouped returns after what dst holds, in dst's array when it
// has room.
func TestAppendEntities(t *testing.T) {
	groups := []string{"Ming dynasty", "Joseon"}
	for _, s := range []string{"Ming , Li Rusong , Joseon , Yi Il", "Konishi Yukinaga (KIA), Katō Kiyomasa", "", "Main:"} {
		want := SplitEntitiesGrouped(s, groups)
		dst := make([]Item, 1, 16)
		dst[0] = Item{Name: "kept"}
		got := AppendEntities(dst, s, groups)
		if got[0].Name != "kept" || !reflect.DeepEqual(got[1:], want) && len(want) > 0 || len(got) != 1+len(want) {
			t.Errorf("AppendEntities(%q) = %+v, want [kept] + %+v", s, got, want)
		}
		if &got[0] != &dst[0] {
			t.Errorf("AppendEntities(%q) did not append in dst's array", s)
		}
	}
}

// checkAppendEntitiesClean checks that AppendEntitiesClean gives the items
// of SplitEntitiesGrouped and marks clean only names that CleanName gives
// back as they are.
func checkAppendEntitiesClean(t *testing.T, s string, groups []string) {
	t.Helper()
	want := SplitEntitiesGrouped(s, groups)
	got, clean := AppendEntitiesClean(nil, []bool{false}, s, groups)
	if !reflect.DeepEqual(got, want) || len(clean) != 1+len(got) {
		t.Fatalf("AppendEntitiesClean(%q) = %+v, %v, want %+v", s, got, clean, want)
	}
	for i, it := range got {
		if !clean[1+i] {
			continue
		}
		if name, ok := CleanName(it.Name); !ok || name != it.Name {
			t.Errorf("AppendEntitiesClean(%q) marks %q clean, but CleanName gives %q, %v", s, it.Name, name, ok)
		}
	}
}

func TestAppendEntitiesClean(t *testing.T) {
	cases := []string{
		"Ming , Li Rusong , Joseon , Yi Il", "Konishi Yukinaga (KIA), Katō Kiyomasa", "", "Main:", "Main:, Konishi Yukinaga , Reinforcement:, Shimazu Yoshihiro",
		"Oda Nobunaga, Hashiba Hideyoshi, Sassa Narimasa", "the Ming, The Joseon", "Yi Sun-sin†, Won Gyun", "So Yoshitoshi  (daimyo)",
	}
	for _, s := range append(cases, fuzzSeeds...) {
		checkAppendEntitiesClean(t, s, []string{"Ming dynasty", "Joseon"})
	}
	// Some names are clean and some are not.
	_, clean := AppendEntitiesClean(nil, nil, "Oda Nobunaga, Yi Sun-sin†", nil)
	if len(clean) != 2 || !clean[0] || clean[1] {
		t.Errorf("AppendEntitiesClean marks %v, want [true false]", clean)
	}
}

// TestGroupMatcher checks that groupMatcher, which makes the groups' cores
// once, matches as matchName does.
func TestGroupMatcher(t *testing.T) {
	groups := []string{"Ming dynasty", "Joseon", "Kingdom of Joseon", "the Army", "", "Tokugawa clan", "Empire of Japan", "日本 Navy", "Hōjō", "Joseon Kingdom"}
	names := append([]string{"Ming", "MING DYNASTY", "Joseon Kingdom", "army", "Tokugawa", "Japan", "日本", "Oda", "the", "Clan",
		"Hōjō clan", "Joseon\u00a0Kingdom", "Tokugawa\u3000clan", "Japan ", " Empire of the", "\xe2 army", "ming\tdynasty "}, fuzzSeeds...)
	for n := 0; n <= len(groups); n++ {
		m := groupMatcher{groups: groups[:n]}
		for _, name := range names {
			if got, want := m.match(name), matchName(name, groups[:n]); got != want {
				t.Errorf("groupMatcher(%q).match(%q) = %q, want %q", groups[:n], name, got, want)
			}
		}
	}
}

// TestAppendEntitiesCleanGroups checks that lists split with one Groups,
// whose matching forms are made at the first list, give what each gives
// with the group names alone, and that Reset gives new groups.
func TestAppendEntitiesCleanGroups(t *testing.T) {
	lists := append([]string{"Ming , Li Rusong , Joseon , Yi Il", "Joseon , Yi Sun-sin , Ming dynasty , Chen Lin", "Zhou Yu, Ming",
		"Kingdom of Joseon: Gwon Yul", "Tokugawa , Ii Naomasa", "", "Ming", "Ming ---- Joseon", "Ming dynasty, ?, Kingdom of Joseon",
		"Main:, Ming, Joseon", "Ming, Joseon:", "Tokugawa clan, Tokugawa clan", "?, Ming, Joseon"}, fuzzSeeds...)
	for _, names := range [][]string{{"Ming dynasty", "Kingdom of Joseon"}, {"Tokugawa clan"}, nil, {"Ming", ""}} {
		var g Groups
		g.Reset([]string{"Stale", "Ming"})
		g.Is("Ming")
		g.Reset(names)
		for _, s := range lists {
			items, clean := AppendEntitiesCleanGroups(nil, nil, s, &g)
			wantItems, wantClean := AppendEntitiesClean(nil, nil, s, names)
			if !reflect.DeepEqual(items, wantItems) || !reflect.DeepEqual(clean, wantClean) {
				t.Errorf("AppendEntitiesCleanGroups(%q, %q) = %v, %v, want %v, %v", s, names, items, clean, wantItems, wantClean)
			}
			for _, it := range items {
				if got, want := g.Is(it.Name), IsGroup(it.Name, names); got != want {
					t.Errorf("Groups(%q).Is(%q) = %v, want %v", names, it.Name, got, want)
				}
			}
			// A list that gives no item names only groups when it was
			// grouped: every item SplitEntities finds is a group.
			if len(items) == 0 {
				all := SplitEntities(s)
				only := len(all) > 0
				for _, it := range all {
					only = only && IsGroup(it.Name, names)
				}
				if got := g.Grouped(); got != only {
					t.Errorf("AppendEntitiesCleanGroups(%q, %q) gives no item, Grouped() = %v, but only groups: %v", s, names, got, only)
				}
			}
		}
	}
}
