import { blockOutsideRequests, describeInChromium, shownAnswer, textOf, typeOperation, useGraphiQLServer } from "../support/browser";

// GraphiQL in a real browser with no way out of this machine, as `npm run demo` promises offline.

describeInChromium("GraphiQL", () => {
  // one class listed, so that the answer shown comes from the database
  const server = useGraphiQLServer((databases) =>
    databases.workouts.workout.create({ data: { id: "browser-test-class", title: "Browser Test Ride", category: "cycling", listEntry: {} } }),
  );

  it("renders from the server alone, with every request off the loopback blocked, and runs a query", async () => {
    const context = await server.browser.newContext();
    const outside = await blockOutsideRequests(context);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));

    await page.goto(server.api.url);
    expect(outside).toEqual([]); // the page and what it loads at once
    await typeOperation(page, "{ catalogueStatus { classesListed");
    // typeahead from the introspected schema; its list covers the run button until closed
    const suggestions = page.locator(".suggest-widget.visible");
    await suggestions.filter({ hasText: "classesListed" }).waitFor();
    await page.keyboard.press("Escape");
    await suggestions.waitFor({ state: "hidden" });
    await page.locator(".graphiql-execute-button").click();

    const answer = await shownAnswer(page, '"classesListed": 1');
    expect(await textOf(page.locator(".graphiql-query-editor .view-lines"))).toBe("{ catalogueStatus { classesListed}}");
    expect(answer).toEqual({ data: { catalogueStatus: { classesListed: 1 } } });
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
