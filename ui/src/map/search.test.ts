// Search: what a leader types must find the element they mean, best match first.
import { searchElements } from "./search";
import { elements } from "../testing/fixtures";

const names = (query: string) => searchElements(elements, query).map((h) => h.name);

describe("searchElements", () => {
  it("finds nothing for an empty query", () => {
    expect(searchElements(elements, "   ")).toEqual([]);
  });

  it("ignores case and accents", () => {
    expect(names("PRIYA")).toEqual(["Priya Raman"]);
    expect(names("rámán")).toEqual(["Priya Raman"]);
  });

  it("ranks names that start with the query before names that contain it", () => {
    expect(names("riv")).toEqual(["Riverside High School", "Riverside Watershed Council"]);
    expect(names("t")[0]).toBe("Teaching & Learning");
  });

  it("matches a word inside a name", () => {
    expect(names("watershed")).toEqual(["Riverside Watershed Council"]);
  });

  it("finds people by title and communities by tag, saying what matched", () => {
    const byTitle = searchElements(elements, "specialist");
    expect(byTitle.map((h) => h.name)).toEqual(["Priya Raman"]);
    expect(byTitle[0].matched).toBe("Science specialist");
    expect(names("innovation")).toEqual(["Graduate Capstone"]);
  });

  it("stops at the limit", () => {
    expect(searchElements(elements, "e", 3)).toHaveLength(3);
  });
});
