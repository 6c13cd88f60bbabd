// Label wrapping and sizing: long office names must stay readable on a projector.
import { initials, labelSize, wrapLabel } from "./labels";

describe("wrapLabel", () => {
  it("keeps short names on one line", () => {
    expect(wrapLabel("Legal", 16)).toBe("Legal");
    expect(wrapLabel("Human Resources", 16)).toBe("Human Resources");
  });

  it("breaks at spaces so no line runs past the width", () => {
    expect(wrapLabel("Office of the Superintendent", 16)).toBe("Office of the\nSuperintendent");
    expect(wrapLabel("State University School of Education", 16)).toBe("State University\nSchool of\nEducation");
  });

  it("breaks after a hyphen when a hyphenated word does not fit", () => {
    expect(wrapLabel("ES program-of-study redesign", 16)).toBe("ES program-of-\nstudy redesign");
  });

  it("keeps a word longer than a line whole, and keeps existing line breaks", () => {
    expect(wrapLabel("Superintendentship office", 10)).toBe("Superintendentship\noffice");
    expect(wrapLabel("Dana Kim\nPathway coach", 16)).toBe("Dana Kim\nPathway coach");
  });

  it("never ends a line with an ampersand", () => {
    expect(wrapLabel("Family & Community Engagement", 16)).toBe("Family\n& Community\nEngagement");
  });

  it("collapses stray whitespace", () => {
    expect(wrapLabel("  Teaching   &  Learning ", 30)).toBe("Teaching & Learning");
  });
});

describe("initials", () => {
  it("takes the first and last name, skipping honorifics", () => {
    expect(initials("Dr. Maria Alvarez")).toBe("MA");
    expect(initials("Priya Raman")).toBe("PR");
    expect(initials("Cher")).toBe("C");
    expect(initials("")).toBe("");
  });
});

describe("labelSize", () => {
  it("grows with the longest line and the number of lines", () => {
    const one = labelSize("Legal", 16);
    const two = labelSize("Legal\nGeneral Counsel", 16);
    expect(two.width).toBeGreaterThan(one.width);
    expect(two.height).toBe(one.height * 2);
  });
});
