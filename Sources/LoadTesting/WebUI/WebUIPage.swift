/// The web UI's one page: plain HTML, CSS and a little JavaScript, served from the binary (no
/// framework, no CDN, no build step). It listens to `/stream` and draws everything from it;
/// its controls post to Locust's routes.
enum WebUIPage {
    static let html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>ScaleLab load test</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        <header>
          <h1>ScaleLab</h1>
          <dl class="status" aria-live="polite">
            <div><dt>Host</dt><dd id="host">–</dd></div>
            <div><dt>State</dt><dd id="state">–</dd></div>
            <div><dt>Users</dt><dd id="users">0</dd></div>
            <div id="workers-status" hidden><dt>Workers</dt><dd id="worker-count">0</dd></div>
            <div><dt>RPS</dt><dd id="rps">0</dd></div>
            <div><dt>Failures</dt><dd id="failure-ratio">0%</dd></div>
          </dl>
          <div class="actions">
            <button id="edit" type="button">New test</button>
            <button id="stop" type="button" disabled>Stop</button>
            <button id="reset" type="button">Reset statistics</button>
          </div>
        </header>
        <p id="error" role="alert" hidden></p>
        <section id="start" aria-labelledby="start-title">
          <h2 id="start-title">Start a new load test</h2>
          <form id="swarm-form" novalidate>
            <div class="field"><label for="user_count">Number of users (peak concurrency)</label>
              <input id="user_count" name="user_count" inputmode="numeric" value="50" aria-describedby="user_count-error" required>
              <span class="field-error" id="user_count-error" role="alert"></span></div>
            <div class="field"><label for="spawn_rate">Ramp up (users started per second)</label>
              <input id="spawn_rate" name="spawn_rate" inputmode="decimal" value="10" aria-describedby="spawn_rate-error" required>
              <span class="field-error" id="spawn_rate-error" role="alert"></span></div>
            <div class="field"><label for="host-input">Host</label>
              <input id="host-input" name="host" type="url" aria-describedby="host-error" spellcheck="false">
              <span class="field-error" id="host-error" role="alert"></span></div>
            <div class="field"><label for="run_time">Run time (e.g. 30s, 5m, 1h30m; empty runs until stopped)</label>
              <input id="run_time" name="run_time" aria-describedby="run_time-error" spellcheck="false">
              <span class="field-error" id="run_time-error" role="alert"></span></div>
            <p class="field-error" id="form-error" role="alert"></p>
            <div class="form-actions"><button type="submit" id="submit">Start</button>
              <button type="button" id="cancel" hidden>Cancel</button></div>
          </form>
        </section>
        <nav role="tablist" aria-label="Views">
          <button role="tab" id="tab-statistics" aria-controls="panel-statistics" aria-selected="true">Statistics</button>
          <button role="tab" id="tab-charts" aria-controls="panel-charts" aria-selected="false" tabindex="-1">Charts</button>
          <button role="tab" id="tab-failures" aria-controls="panel-failures" aria-selected="false" tabindex="-1">Failures</button>
          <button role="tab" id="tab-exceptions" aria-controls="panel-exceptions" aria-selected="false" tabindex="-1">Exceptions</button>
          <button role="tab" id="tab-ratio" aria-controls="panel-ratio" aria-selected="false" tabindex="-1">Current ratio</button>
          <button role="tab" id="tab-download" aria-controls="panel-download" aria-selected="false" tabindex="-1">Download data</button>
          <button role="tab" id="tab-logs" aria-controls="panel-logs" aria-selected="false" tabindex="-1">Logs</button>
          <button role="tab" id="tab-workers" aria-controls="panel-workers" aria-selected="false" tabindex="-1" hidden>Workers</button>
        </nav>
        <main>
        <section role="tabpanel" id="panel-statistics" aria-labelledby="tab-statistics">
          <table id="stats-table"><thead><tr>
            <th scope="col">Type</th><th scope="col">Name</th><th scope="col"># Requests</th><th scope="col"># Fails</th>
            <th scope="col">Median</th><th scope="col">95%ile</th><th scope="col">99%ile</th>
            <th scope="col">Average</th><th scope="col">Min</th><th scope="col">Max</th>
            <th scope="col">Avg size (B)</th><th scope="col">Current RPS</th><th scope="col">Current fails/s</th>
          </tr></thead><tbody></tbody></table>
          <p class="note">Times in milliseconds, exact (HDR histograms, 1 µs resolution); current rates cover the last 10 s.</p>
        </section>
        <section role="tabpanel" id="panel-charts" aria-labelledby="tab-charts" hidden>
          <figure><figcaption>Total requests per second</figcaption><svg id="chart-rps" role="img" aria-label="Requests and failures per second over time"></svg></figure>
          <figure><figcaption>Response times (ms, over the last 10 s)</figcaption><svg id="chart-times" role="img" aria-label="Median, 95th and 99th percentile response times over time"></svg></figure>
          <figure><figcaption>Number of users</figcaption><svg id="chart-users" role="img" aria-label="Users over time"></svg></figure>
          <ul id="events" class="note"></ul>
        </section>
        <section role="tabpanel" id="panel-failures" aria-labelledby="tab-failures" hidden>
          <table id="failures-table"><thead><tr><th scope="col"># Failures</th><th scope="col">Method</th><th scope="col">Name</th><th scope="col">Message</th></tr></thead><tbody></tbody></table>
        </section>
        <section role="tabpanel" id="panel-exceptions" aria-labelledby="tab-exceptions" hidden>
          <table id="exceptions-table"><thead><tr><th scope="col">Count</th><th scope="col">Message</th><th scope="col">Nodes</th></tr></thead><tbody></tbody></table>
          <p class="note">Errors in scenario code: a capture that found no value, a template that read a value never captured.</p>
        </section>
        <section role="tabpanel" id="panel-ratio" aria-labelledby="tab-ratio" hidden>
          <h2>Ratio per user type</h2><ul id="ratio-per-class"></ul>
          <h2>Total ratio</h2><ul id="ratio-total"></ul>
        </section>
        <section role="tabpanel" id="panel-download" aria-labelledby="tab-download" hidden>
          <ul class="downloads">
            <li><a href="stats/requests/csv" download>Download requests CSV</a></li>
            <li><a href="stats/requests_full_history/csv" download>Download full history CSV</a></li>
            <li><a href="stats/failures/csv" download>Download failures CSV</a></li>
            <li><a href="stats/report.json" download>Download the JSON report</a></li>
            <li><a href="stats/report?download=1" download>Download the HTML report</a> (or <a href="stats/report" target="_blank" rel="noopener">open it</a>)</li>
          </ul>
          <p class="note">The files hold the test so far, from the same numbers as this page; the CSV files have Locust's columns.</p>
        </section>
        <section role="tabpanel" id="panel-logs" aria-labelledby="tab-logs" hidden>
          <pre id="logs" tabindex="0"></pre>
        </section>
        <section role="tabpanel" id="panel-workers" aria-labelledby="tab-workers" hidden>
          <table id="workers-table"><thead><tr><th scope="col">#</th><th scope="col">ID</th><th scope="col">Host</th><th scope="col">State</th>
            <th scope="col">Users</th><th scope="col">CPU</th><th scope="col">Peak memory</th><th scope="col">Last heartbeat</th></tr></thead><tbody></tbody></table>
        </section>
        </main>
        <script>
        \(script)
        </script>
        </body>
        </html>

        """

    private static let css = """
        :root { color-scheme: light dark; --bg: #fff; --fg: #1d2430; --muted: #5d6675; --line: #d9dee6; --accent: #1f6feb;
          --head: #f3f5f8; --bad: #c62828; --series1: #1f6feb; --series2: #d9480f; --series3: #2b8a3e; }
        @media (prefers-color-scheme: dark) { :root { --bg: #12161c; --fg: #e6e9ee; --muted: #9aa4b2; --line: #2e3642;
          --accent: #58a6ff; --head: #1b2129; --bad: #ff7b72; --series1: #58a6ff; --series2: #ffa657; --series3: #7ee787; } }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, sans-serif; background: var(--bg); color: var(--fg); }
        header { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem 2rem; padding: .75rem 1.25rem; background: var(--head); border-bottom: 1px solid var(--line); }
        h1 { font-size: 1.25rem; margin: 0; }
        h2 { font-size: 1.05rem; }
        .status { display: flex; flex-wrap: wrap; gap: 1.5rem; margin: 0; }
        .status dt { font-size: .75rem; text-transform: uppercase; color: var(--muted); }
        .status dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
        .actions { margin-left: auto; display: flex; gap: .5rem; }
        button { font: inherit; padding: .35rem .9rem; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); cursor: pointer; }
        button:disabled { opacity: .5; cursor: default; }
        button[type=submit], #edit { background: var(--accent); border-color: var(--accent); color: #fff; }
        :focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
        #error { margin: .75rem 1.25rem; padding: .5rem .75rem; border: 1px solid var(--bad); border-radius: 6px; color: var(--bad); }
        #start { margin: 1rem 1.25rem; padding: 1rem 1.25rem; border: 1px solid var(--line); border-radius: 8px; max-width: 40rem; }
        #start h2 { margin-top: 0; }
        .field { display: grid; gap: .2rem; margin-bottom: .75rem; }
        .field input { font: inherit; padding: .35rem .5rem; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }
        .field input[aria-invalid=true] { border-color: var(--bad); }
        .field-error { color: var(--bad); font-size: .9rem; min-height: 0; margin: 0; }
        .form-actions { display: flex; gap: .5rem; }
        nav { display: flex; flex-wrap: wrap; gap: .25rem; padding: 0 1.25rem; border-bottom: 1px solid var(--line); }
        nav button { border: none; border-bottom: 3px solid transparent; border-radius: 0; background: none; }
        nav button[aria-selected=true] { border-bottom-color: var(--accent); font-weight: 600; }
        main { padding: 1rem 1.25rem; overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
        table { font-size: .9rem; }
        th, td { padding: .3rem .45rem; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
        th:nth-child(-n+2), td:nth-child(-n+2) { text-align: left; }
        #workers-table th:nth-child(-n+4), #workers-table td:nth-child(-n+4) { text-align: left; }
        #failures-table td:last-child, #exceptions-table td:nth-child(2) { text-align: left; white-space: normal; }
        tr.total td { font-weight: 600; }
        .note { color: var(--muted); font-size: .85rem; }
        figure { margin: 0 0 1.25rem; }
        figcaption { font-weight: 600; margin-bottom: .25rem; }
        svg { width: 100%; height: 220px; display: block; border: 1px solid var(--line); border-radius: 6px; }
        svg text { fill: var(--muted); font-size: 11px; }
        svg .grid { stroke: var(--line); }
        svg .marker { stroke: var(--bad); stroke-dasharray: 4 3; }
        svg .s0 { stroke: var(--series1); } svg .s1 { stroke: var(--series2); } svg .s2 { stroke: var(--series3); }
        svg .l0 { fill: var(--series1); } svg .l1 { fill: var(--series2); } svg .l2 { fill: var(--series3); }
        #logs { white-space: pre-wrap; font-size: .85rem; }
        .downloads li { margin: .35rem 0; }
        a { color: var(--accent); }
        """

    private static let script = #"""
        "use strict";
        const $ = (id) => document.getElementById(id);
        const history = { test: -1, points: [] };
        let latest = null;
        let formOpen = true;

        function number(value, digits) {
          if (value === null || value === undefined || !isFinite(value)) return "–";
          const abs = Math.abs(value);
          const places = digits !== undefined ? digits : (abs >= 100 ? 0 : abs >= 10 ? 1 : 2);
          return value.toLocaleString(undefined, { minimumFractionDigits: 0, maximumFractionDigits: places });
        }
        function cell(row, text) { const td = row.insertCell(); td.textContent = text; return td; }
        function fill(tableId, rows, render) {
          const body = $(tableId).tBodies[0];
          body.replaceChildren();
          for (const item of rows) render(body.insertRow(), item);
        }
        function bytes(value) {
          if (!value) return "–";
          const units = ["B", "KiB", "MiB", "GiB"]; let index = 0;
          while (value >= 1024 && index < units.length - 1) { value /= 1024; index++; }
          return number(value, 1) + " " + units[index];
        }

        function showForm(open) {
          formOpen = open;
          $("start").hidden = !open;
          $("cancel").hidden = !(latest && (latest.state === "running" || latest.state === "spawning"));
          if (open) $("user_count").focus();
        }

        function render(data) {
          const running = data.state === "running" || data.state === "spawning";
          // A page opened on a running test shows it, not the start form.
          if (latest === null && running) { latest = data; showForm(false); }
          latest = data;
          $("host").textContent = data.host;
          $("state").textContent = data.state;
          $("users").textContent = data.user_count;
          $("rps").textContent = number(data.current_rps, 1);
          $("failure-ratio").textContent = number(data.fail_ratio * 100, 1) + "%";
          $("stop").disabled = !running;
          $("edit").textContent = running ? "Edit" : "New test";
          $("start-title").textContent = running ? "Change the number of users" : "Start a new load test";
          $("submit").textContent = running ? "Update" : "Start";
          for (const id of ["host-input", "run_time"]) $(id).disabled = running;
          if (!$("host-input").value) $("host-input").value = data.host;
          // Before the first test, the command line's -t is the form's run time.
          if (data.test === 0 && data.run_time && !$("run_time").value) $("run_time").value = data.run_time;

          $("error").hidden = !data.error;
          $("error").textContent = data.error ? "The test could not run: " + data.error : "";

          fill("stats-table", data.stats, (row, s) => {
            if (s.name === "Aggregated" && s.method === "") row.className = "total";
            cell(row, s.method); cell(row, s.name); cell(row, s.num_requests); cell(row, s.num_failures);
            cell(row, number(s.median_response_time)); cell(row, number(s["response_time_percentile_0.95"]));
            cell(row, number(s["response_time_percentile_0.99"])); cell(row, number(s.avg_response_time));
            cell(row, number(s.min_response_time)); cell(row, number(s.max_response_time));
            cell(row, number(s.avg_content_length, 0)); cell(row, number(s.current_rps, 1)); cell(row, number(s.current_fail_per_sec, 1));
          });
          fill("failures-table", data.errors, (row, e) => { cell(row, e.occurrences); cell(row, e.method); cell(row, e.name); cell(row, e.error); });
          fill("exceptions-table", data.exceptions || [], (row, e) => { cell(row, e.count); cell(row, e.msg); cell(row, e.nodes || "local"); });
          renderRatio("ratio-per-class", data.tasks.per_class);
          renderRatio("ratio-total", data.tasks.total);
          $("logs").textContent = data.logs.join("\n");

          const hasWorkers = Array.isArray(data.workers);
          $("workers-status").hidden = !hasWorkers;
          $("tab-workers").hidden = !hasWorkers;
          if (hasWorkers) {
            $("worker-count").textContent = data.worker_count;
            fill("workers-table", data.workers, (row, w) => {
              cell(row, w.index); cell(row, w.id); cell(row, w.host); cell(row, w.state); cell(row, w.user_count);
              cell(row, number(w.cpu_usage, 0) + "%"); cell(row, bytes(w.memory_usage)); cell(row, number(w.seconds_since_heartbeat, 1) + " s ago");
            });
          }

          if (data.test !== history.test || data.history.from === 0) { history.test = data.test; history.points = []; }
          if (data.history.from <= history.points.length) {
            history.points.length = data.history.from;
            history.points.push(...data.history.points);
          }
          const events = $("events");
          events.replaceChildren();
          for (const event of data.events) {
            const item = document.createElement("li");
            item.textContent = number(event.elapsed_seconds, 0) + " s: " + event.message;
            events.append(item);
          }
          drawCharts();
        }

        function renderRatio(listId, classes) {
          const list = $(listId);
          list.replaceChildren();
          for (const [name, info] of Object.entries(classes)) {
            const item = document.createElement("li");
            item.textContent = number(info.ratio * 100, 1) + "% " + name;
            const tasks = document.createElement("ul");
            for (const [task, taskInfo] of Object.entries(info.tasks)) {
              const line = document.createElement("li");
              line.textContent = number(taskInfo.ratio * 100, 1) + "% " + task;
              tasks.append(line);
            }
            item.append(tasks);
            list.append(item);
          }
        }

        const svgNS = "http://www.w3.org/2000/svg";
        function element(name, attributes, text) {
          const node = document.createElementNS(svgNS, name);
          for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
          if (text !== undefined) node.textContent = text;
          return node;
        }
        function drawChart(svg, series) {
          const width = svg.clientWidth || 800, height = svg.clientHeight || 220;
          const left = 56, right = 12, top = 26, bottom = 24;
          svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
          svg.replaceChildren();
          const points = history.points;
          const xs = points.map((p) => p[0]);
          const xMax = Math.max(1, xs.length ? xs[xs.length - 1] : 1);
          let yMax = 0;
          for (const s of series) for (const p of points) yMax = Math.max(yMax, p[s.index]);
          // A round top and four round steps: 1, 2 or 5 times a power of ten.
          const rough = (yMax > 0 ? yMax : 1) / 4;
          const power = Math.pow(10, Math.floor(Math.log10(rough)));
          const stepSize = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough);
          yMax = stepSize * 4;
          const x = (value) => left + (value / xMax) * (width - left - right);
          const y = (value) => top + (1 - value / yMax) * (height - top - bottom);
          for (let tick = 0; tick <= 4; tick++) {
            const value = (yMax * tick) / 4;
            svg.append(element("line", { x1: left, x2: width - right, y1: y(value), y2: y(value), class: "grid" }));
            svg.append(element("text", { x: left - 6, y: y(value) + 4, "text-anchor": "end" }, number(value)));
          }
          for (let tick = 0; tick <= 4; tick++) {
            const value = (xMax * tick) / 4;
            svg.append(element("text", { x: x(value), y: height - 6, "text-anchor": "middle" }, number(value, 0) + " s"));
          }
          for (const event of latest ? latest.events : []) {
            const line = element("line", { x1: x(event.elapsed_seconds), x2: x(event.elapsed_seconds), y1: top, y2: height - bottom, class: "marker" });
            line.append(element("title", {}, event.message));
            svg.append(line);
          }
          series.forEach((s, index) => {
            const coordinates = points.map((p) => `${x(p[0]).toFixed(1)},${y(p[s.index]).toFixed(1)}`).join(" ");
            if (coordinates) svg.append(element("polyline", { points: coordinates, fill: "none", "stroke-width": 2, class: "s" + index }));
            svg.append(element("rect", { x: left + index * 130, y: 8, width: 10, height: 10, class: "l" + index }));
            const last = points.length ? points[points.length - 1][s.index] : null;
            svg.append(element("text", { x: left + index * 130 + 14, y: 17 }, `${s.name} ${number(last)}`));
          });
        }
        function drawCharts() {
          if ($("panel-charts").hidden) return;
          drawChart($("chart-rps"), [{ name: "RPS", index: 2 }, { name: "Failures/s", index: 3 }]);
          drawChart($("chart-times"), [{ name: "p50", index: 4 }, { name: "p95", index: 5 }, { name: "p99", index: 6 }]);
          drawChart($("chart-users"), [{ name: "Users", index: 1 }]);
        }

        const tabs = Array.from(document.querySelectorAll("[role=tab]"));
        function selectTab(tab) {
          for (const other of tabs) {
            const selected = other === tab;
            other.setAttribute("aria-selected", selected);
            other.tabIndex = selected ? 0 : -1;
            $(other.getAttribute("aria-controls")).hidden = !selected;
          }
          tab.focus();
          drawCharts();
        }
        for (const tab of tabs) {
          tab.addEventListener("click", () => selectTab(tab));
          tab.addEventListener("keydown", (event) => {
            const visible = tabs.filter((t) => !t.hidden);
            const index = visible.indexOf(tab);
            if (event.key === "ArrowRight") selectTab(visible[(index + 1) % visible.length]);
            else if (event.key === "ArrowLeft") selectTab(visible[(index - 1 + visible.length) % visible.length]);
            else return;
            event.preventDefault();
          });
        }

        function clearErrors() {
          for (const node of document.querySelectorAll(".field-error")) node.textContent = "";
          for (const input of document.querySelectorAll("#swarm-form input")) input.removeAttribute("aria-invalid");
        }
        $("swarm-form").addEventListener("submit", async (event) => {
          event.preventDefault();
          clearErrors();
          const body = new URLSearchParams(new FormData($("swarm-form")));
          const response = await fetch("swarm", { method: "POST", body });
          const result = await response.json();
          if (result.success) { showForm(false); return; }
          const field = result.field === "host" ? "host-input" : result.field;
          if (field && $(field)) {
            $(field).setAttribute("aria-invalid", "true");
            $(result.field + "-error").textContent = result.message;
            $(field).focus();
          } else {
            $("form-error").textContent = result.message;
          }
        });
        $("edit").addEventListener("click", () => showForm(!formOpen));
        $("cancel").addEventListener("click", () => showForm(false));
        $("stop").addEventListener("click", () => fetch("stop", { method: "POST" }));
        $("reset").addEventListener("click", () => fetch("stats/reset", { method: "POST" }));
        window.addEventListener("resize", drawCharts);

        const stream = new EventSource("stream");
        stream.onmessage = (event) => render(JSON.parse(event.data));
        """#
}
