package value_test

import (
	"fmt"

	"github.com/wikikg/wikikg/extract/value"
)

func ExampleParseDateRange() {
	start, end, ok := value.ParseDateRange("6–8 February 1593")
	fmt.Println(start.Lexical(), end.Lexical(), ok)

	// Both calendars given: the Gregorian date is used.
	start, _, _ = value.ParseDateRange("16 December 1598 (Gregorian Calendar) , Keichō 3, 19th day of 11 month (Lunar calendar)")
	fmt.Println(start.Lexical(), start.Datatype())

	// XSD 1.1 years: 208 BC is -0207.
	start, _, _ = value.ParseDateRange("208 BC")
	fmt.Println(start.Lexical(), start.Datatype())

	// An impossible day is refused, never guessed.
	_, _, ok = value.ParseDateRange("30 February 1592")
	fmt.Println(ok)
	// Output:
	// 1593-02-06 1593-02-08 true
	// 1598-12-16 http://www.w3.org/2001/XMLSchema#date
	// -0207 http://www.w3.org/2001/XMLSchema#gYear
	// false
}

func ExampleParseNumber() {
	for _, s := range []string{
		"~20,000",
		"300 ships , 500 ships (Korean sources)",
		"2,500–3,000 men , total: 20,000 (including civilians and militia)",
		"Ningyuan: 20,000, Juehua Island: 7,000",
	} {
		n, ok := value.ParseNumber(s)
		fmt.Println(n.Value, n.Min, n.Max, n.Qualifier, n.Unit, ok)
	}
	// Output:
	// 20000 20000 20000 Approximate  true
	// 300 300 500 Range ships true
	// 20000 20000 20000 Exact  true
	// 0 0 0 Exact  false
}

func ExampleParseCount() {
	for _, n := range value.ParseCount("200 ships sunk , 100+ soldiers captured , 13,000 soldiers killed") {
		fmt.Println(n.Value, n.Qualifier, n.Unit)
	}
	// Output:
	// 200 Exact ships sunk
	// 100 AtLeast soldiers captured
	// 13000 Exact soldiers killed
}

func ExampleSplitEntitiesGrouped() {
	items := value.SplitEntitiesGrouped("Ming , Li Rusong , Li Rubai , Joseon , Yi Il", []string{"Ming dynasty", "Joseon"})
	for _, it := range items {
		fmt.Printf("%s (%s)\n", it.Name, it.Group)
	}
	// Output:
	// Li Rusong (Ming dynasty)
	// Li Rubai (Ming dynasty)
	// Yi Il (Joseon)
}

func ExampleSplitEntities() {
	for _, it := range value.SplitEntities("Main:, Konishi Yukinaga , Reinforcement:, Shimazu Yoshihiro, Deng ZilongKIA") {
		fmt.Printf("%s|%s|%s\n", it.Name, it.Group, it.Flags)
	}
	// Output:
	// Konishi Yukinaga|Main|
	// Shimazu Yoshihiro|Reinforcement|
	// Deng Zilong|Reinforcement|KIA
}

func ExampleCleanNameFlags() {
	name, flags, ok := value.CleanNameFlags("Ding RuchangKIA")
	fmt.Println(name, flags, ok)
	name, ok = value.CleanName("the Japanese invasions of Korea (1592–1598)")
	fmt.Println(name, ok)
	_, ok = value.CleanName("Unknown")
	fmt.Println(ok)
	// Output:
	// Ding Ruchang KIA true
	// Japanese invasions of Korea (1592–1598) true
	// false
}

func ExampleCleanText() {
	fmt.Println(value.CleanText("Oda–Tokugawa victory."))
	fmt.Println(value.CleanText("19 dead, 114 wounded |"))
	// Output:
	// Oda–Tokugawa victory
	// 19 dead, 114 wounded
}
