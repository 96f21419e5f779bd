import { personName, uniqueName } from "./names";
import type { Random } from "./random";

export interface Instructor {
  id: string;
  userId: string;
  name: string;
  firstName: string;
  lastName: string;
  username: string;
  disciplines: string[];
  listOrder: number;
  quote: string;
  /** image hashes, by what they show */
  images: Record<"portrait" | "about" | "lifestyle" | "hero" | "jumbotronDark" | "jumbotronIos" | "webList" | "iosList", string>;
}

export function makeInstructors(random: Random, count: number, disciplines: string[]): Instructor[] {
  const names = new Set<string>();
  return Array.from({ length: count }, (_, index) => {
    let firstName = "";
    const name = uniqueName(random, names, (r) => {
      const { first, last } = personName(r);
      firstName = first;
      return `${first} ${last}`;
    });
    // every discipline is taught by someone, however few instructors there are
    const teaches = disciplines.filter((_, d) => d === index % disciplines.length || d % count === index);
    if (random.chance(0.3)) teaches.push(random.pick(disciplines));
    const ascii = name
      .normalize("NFD")
      .replace(/[^A-Za-z ]/g, "")
      .toLowerCase()
      .split(" ");
    return {
      id: random.hex(),
      userId: random.hex(),
      name,
      firstName,
      lastName: name.slice(firstName.length + 1),
      username: `${ascii[0]![0] ?? "x"}${ascii.slice(1).join("")}_${random.pick(["rides", "moves", "flows", "lifts", "runs"])}`,
      disciplines: [...new Set(teaches)],
      listOrder: index + 1,
      quote: random.pick(["Ride loud, recover well.", "Strong is a feeling.", "¡Vamos!", "Breathe in, show up.", "Één ritme, één team."]),
      images: {
        portrait: random.hex(),
        about: random.hex(),
        lifestyle: random.hex(),
        hero: random.hex(),
        jumbotronDark: random.hex(),
        jumbotronIos: random.hex(),
        webList: random.hex(),
        iosList: random.hex(),
      },
    };
  });
}
