import { describe, expect, it } from "vitest";
import { html, joinHtml, trustedHtml } from "../src/html-template.ts";
import { buildReport } from "../src/report.ts";
import { NOW, rawResults } from "./helpers.ts";

describe("html`...`", () => {
  it("escapes every interpolated string, in element content and in attribute values", () => {
    const label = `<script>alert("x")</script> & 'y'`;
    expect(String(html`<td title="${label}">${label}</td>`)).toBe(
      "<td title=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</td>",
    );
  });

  it("escapes each element of an array, keeps markup made by html`...` and writes null and undefined as nothing", () => {
    const cells = ["<b>", html`<i>${"a&b"}</i>`, null, undefined, 3.5];
    expect(String(html`<p>${cells}</p>`)).toBe("<p>&lt;b&gt;<i>a&amp;b</i>3.5</p>");
  });

  it("inserts only what is marked trusted without escaping, and joinHtml keeps its parts as markup", () => {
    expect(String(html`<figure>${trustedHtml('<svg><text x="1">a</text></svg>')}</figure>`)).toBe('<figure><svg><text x="1">a</text></svg></figure>');
    expect(String(joinHtml([html`<p>${"<1>"}</p>`, html`<p>2</p>`], html`\n`))).toBe("<p>&lt;1&gt;</p>\n<p>2</p>");
  });

  it("a plain string that looks like markup is still escaped: markup cannot be made by concatenation", () => {
    const concatenated = "<b>" + String(html`x`) + "</b>";
    expect(String(html`${concatenated}`)).toBe("&lt;b&gt;x&lt;/b&gt;");
  });
});

describe("buildReport on a results file whose labels hold markup", async () => {
  const script = `<script>alert("jobtrial")</script>`;
  const results = rawResults();
  results.trial.name = `Forsøg ${script} "i citat"`;
  results.config.municipality = `Kommune <img src=x onerror="alert(1)">`;
  results.balance[0].covariate = `${script} & "alder"`;
  delete results.balance[0].key;
  results.inputs[1].name = `kohorte "${script}".csv`;
  results.definitions[`<b>nøgle</b>`] = `Definition med "citat" og ${script}`;
  results.flow.ineligible[0].reason = `${script} "grund"`;
  results.subgroups[0].groups[0].level = `Gruppe ${script}`;
  results.subgroups[0].groups[0].daysSaved = null;
  const reports = { da: await buildReport(results, null, { now: NOW }), en: await buildReport(results, null, { now: NOW, lang: "en" }) };

  it.each(["da", "en"] as const)("writes no element from the labels (%s): no <script>, no <img>, no <b>", (lang) => {
    const page = reports[lang].html;
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<img/i);
    expect(page).not.toContain("<b>");
  });

  it("shows each label as escaped text where it belongs", () => {
    const page = reports.da.html;
    const escapedScript = "&lt;script&gt;alert(&quot;jobtrial&quot;)&lt;/script&gt;";
    expect(page).toContain(`<title>Evaluering: Forsøg ${escapedScript} &quot;i citat&quot;</title>`);
    expect(page).toContain(`<h1>Evaluering: Forsøg ${escapedScript} &quot;i citat&quot;</h1>`);
    expect(page).toContain(`<p class="subtitle">Kommune &lt;img src=x onerror=&quot;alert(1)&quot;&gt; · data pr.`);
    expect(page).toContain(`<td>${escapedScript} &amp; &quot;alder&quot;</td>`);
    expect(page).toContain(`<td>kohorte &quot;${escapedScript}&quot;.csv</td>`);
    expect(page).toContain(`<td><code>&lt;b&gt;nøgle&lt;/b&gt;</code></td><td>Definition med &quot;citat&quot; og ${escapedScript}</td>`);
    expect(page).toContain(`Gruppe ${escapedScript}`);
  });

  it("the flow chart's SVG shows a reason holding markup as text", () => {
    const flow = reports.da.html.slice(reports.da.html.indexOf('id="chart-flow"'));
    expect(flow.slice(0, flow.indexOf("</figure>"))).toContain("&lt;script&gt;alert(&quot;jobtrial&quot;)&lt;/script&gt; &quot;grund&quot;");
  });
});
