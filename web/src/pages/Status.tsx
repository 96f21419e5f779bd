import { type FormEvent, type ReactNode, useEffect, useId, useState } from "react";
import { ask, follow, useAnswer } from "../api";
import { Failure } from "../components/states";
import { airedOn } from "../format";
import { graphql } from "../graphql";
import type { IngestRunFieldsFragment } from "../graphql/graphql";
import { usePageTitle } from "../title";

graphql(`
  fragment IngestRunFields on IngestRun { id stage status seen new processed failed total error startedAt finishedAt }
`);

const statusDocument = graphql(`
  query WebStatus {
    catalogueStatus { classesListed classesProcessed classesPending classesFailed songs artists }
    ingestRuns(first: 10) { edges { node { ...IngestRunFields } } }
  }
`);

const syncDocument = graphql(`
  mutation WebSyncWorkouts($input: SyncWorkoutsInput) { syncWorkouts(input: $input) { ...IngestRunFields } }
`);

const detailsDocument = graphql(`
  mutation WebProcessDetails($input: ProcessDetailsInput) { processDetails(input: $input) { ...IngestRunFields } }
`);

const followDocument = graphql(`
  subscription WebFollowRun($id: ID!) { ingestRun(id: $id) { ...IngestRunFields } }
`);

// the admin's token, for this tab only: gone when it closes
const tokenKey = "peloton-catalogue-admin-token";

const stageName = { SYNC_WORKOUTS: "Sync of the class list", PROCESS_DETAILS: "Details of the classes" } as const;
const finished = (run: IngestRunFieldsFragment) => run.status === "SUCCEEDED" || run.status === "FAILED" || run.status === "CANCELLED";
const when = (at: string | null | undefined) => (at ? `${airedOn(at)} ${new Date(at).toLocaleTimeString()}` : "");

/**
 * The catalogue's counts and its runs; with the admin's token (kept in this tab's session storage),
 * a sync or a details run started here and followed live, its progress as a bar.
 */
export function StatusPage() {
  usePageTitle("Status");
  const [token, setToken] = useState(() => sessionStorage.getItem(tokenKey));
  const [refresh, setRefresh] = useState(0);
  const [run, setRun] = useState<IngestRunFieldsFragment | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const remember = (value: string | null) => {
    if (value) sessionStorage.setItem(tokenKey, value);
    else sessionStorage.removeItem(tokenKey);
    setToken(value);
  };

  const start = async (stage: "sync" | "details", input: object) => {
    setProblem(null);
    try {
      const started =
        stage === "sync"
          ? (await ask(syncDocument, { input }, { token, post: true })).syncWorkouts
          : (await ask(detailsDocument, { input }, { token, post: true })).processDetails;
      setRun(started);
    } catch (error) {
      setProblem((error as Error).message);
    }
  };

  // the run started here, followed until it ends (or the stream fails: it can be followed again);
  // then the counts and the list are read again
  const followed = run?.id;
  const [following, setFollowing] = useState(false);
  const [followAgain, setFollowAgain] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: followAgain asks for the same run again
  useEffect(() => {
    if (!followed) return;
    const stop = new AbortController();
    setFollowing(true);
    follow(followDocument, { id: followed }, (data) => setRun(data.ingestRun), { token, signal: stop.signal })
      .then(
        () => setProblem(null),
        (error: Error) => stop.signal.aborted || setProblem(`Following run #${followed}: ${error.message}`),
      )
      .finally(() => {
        if (stop.signal.aborted) return;
        setFollowing(false);
        setRefresh((n) => n + 1);
      });
    return () => stop.abort();
  }, [followed, token, followAgain]);

  return (
    <>
      <h1>Status</h1>
      <TokenForm token={token} remember={remember} />
      {/* read again when a run followed here ends */}
      <Catalogue refresh={refresh} token={token}>
        <section aria-labelledby="start-heading">
          <h2 id="start-heading">Start a run</h2>
          {!token && <p className="muted">Runs start with the admin's token (ADMIN_TOKEN), entered above.</p>}
          <StartForms disabled={!token || following} start={start} problem={setProblem} />
          {problem && (
            <div role="alert" className="problem">
              <p>{problem}</p>
              {run && !following && !finished(run) && (
                <button type="button" onClick={() => setFollowAgain((n) => n + 1)}>
                  Follow run #{run.id} again
                </button>
              )}
            </div>
          )}
          {run && <RunProgress run={run} />}
        </section>
      </Catalogue>
    </>
  );
}

/** The catalogue's counts, then `children`, then its recent runs (with the token: their errors in full). */
function Catalogue({ token, refresh, children }: { token: string | null; refresh: number; children: ReactNode }) {
  const status = useAnswer(statusDocument, {}, { token, refresh, keepPrevious: true });
  return (
    <>
      {status.state === "failed" && <Failure message={status.error} retry={status.retry} />}
      {status.state === "done" && (
        <section aria-labelledby="counts-heading">
          <h2 id="counts-heading">The catalogue</h2>
          <dl className="counts">
            {(
              [
                ["Classes listed", status.data.catalogueStatus.classesListed],
                ["Classes with their playlist", status.data.catalogueStatus.classesProcessed],
                ["Classes waiting for their details", status.data.catalogueStatus.classesPending],
                ["Classes whose details failed", status.data.catalogueStatus.classesFailed],
                ["Songs", status.data.catalogueStatus.songs],
                ["Artists", status.data.catalogueStatus.artists],
              ] as const
            ).map(([label, count]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{count}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {children}
      {status.state === "done" && (
        <section aria-labelledby="runs-heading">
          <h2 id="runs-heading">Recent runs</h2>
          {/* focusable: on a phone the table scrolls sideways, by keyboard too */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the focus (WCAG 2.1.1) */}
          <section className="table-scroll" tabIndex={0} aria-label="Recent runs, scrolling sideways">
            <table>
              <thead>
                <tr>
                  <th scope="col">Run</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Status</th>
                  <th scope="col">Seen</th>
                  <th scope="col">Written</th>
                  <th scope="col">Failed</th>
                  <th scope="col">Started</th>
                </tr>
              </thead>
              <tbody>
                {status.data.ingestRuns.edges.map(({ node }) => (
                  <tr key={node.id}>
                    <td>#{node.id}</td>
                    <td>{stageName[node.stage]}</td>
                    <td>
                      {node.status}
                      {node.error && <div className="muted">{node.error}</div>}
                    </td>
                    <td>{node.seen}</td>
                    <td>{node.processed}</td>
                    <td>{node.failed}</td>
                    <td>{when(node.startedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </section>
      )}
    </>
  );
}

function TokenForm({ token, remember }: { token: string | null; remember: (value: string | null) => void }) {
  const [text, setText] = useState("");
  const fieldId = useId();
  if (token) {
    return (
      <p>
        The admin's token is set for this tab.{" "}
        <button type="button" onClick={() => remember(null)}>
          Forget it
        </button>
      </p>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) remember(text.trim());
    setText("");
  };
  return (
    <form onSubmit={submit} className="inline-form">
      <label htmlFor={fieldId}>Admin token</label>
      <input id={fieldId} type="password" autoComplete="off" value={text} onChange={(event) => setText(event.target.value)} />
      <button type="submit">Use it</button>
    </form>
  );
}

function StartForms({
  disabled,
  start,
  problem,
}: {
  disabled: boolean;
  start: (stage: "sync" | "details", input: object) => void;
  problem: (words: string) => void;
}) {
  const [every, setEvery] = useState(false);
  const [batch, setBatch] = useState("100");
  const everyId = useId();
  const batchId = useId();
  return (
    <div className="start-forms">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          start("sync", every ? { category: ["all"] } : {});
        }}
      >
        <p>
          <input id={everyId} type="checkbox" checked={every} onChange={(event) => setEvery(event.target.checked)} />{" "}
          <label htmlFor={everyId} className="check-label">
            Every discipline (not only cycling)
          </label>
        </p>
        <button type="submit" disabled={disabled}>
          Sync the class list
        </button>
      </form>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const batchSize = Number(batch);
          if (batch.trim() === "" || !Number.isInteger(batchSize) || batchSize < 0)
            problem("Classes to take: a whole number, 0 or more (0 takes every class waiting).");
          else start("details", { batchSize });
        }}
      >
        <p>
          <label htmlFor={batchId} className="check-label">
            Classes to take (0: all waiting)
          </label>{" "}
          <input id={batchId} type="number" min={0} step={1} required value={batch} onChange={(event) => setBatch(event.target.value)} className="short" />
        </p>
        <button type="submit" disabled={disabled}>
          Fetch class details
        </button>
      </form>
    </div>
  );
}

function RunProgress({ run }: { run: IngestRunFieldsFragment }) {
  const progressId = useId();
  const done = run.stage === "PROCESS_DETAILS" ? run.processed + run.failed : run.seen;
  return (
    <div className="run">
      {/* what a screen reader announces: the status when it changes, not every count */}
      <p role="status" className="visually-hidden">
        Run {run.id} {run.status.toLowerCase()}
      </p>
      <p id={progressId}>
        {stageName[run.stage]} #{run.id}: <strong>{run.status}</strong> · {run.seen} seen, {run.processed} written
        {run.failed > 0 ? `, ${run.failed} failed` : ""}
        {run.stage === "PROCESS_DETAILS" && run.total !== null && run.total !== undefined ? ` of ${run.total}` : ""}
      </p>
      {/* without a known total (a sync), the bar moves until the run ends */}
      <progress
        aria-labelledby={progressId}
        value={finished(run) ? 1 : run.stage === "PROCESS_DETAILS" && run.total ? done : undefined}
        max={finished(run) ? 1 : run.stage === "PROCESS_DETAILS" ? (run.total ?? undefined) : undefined}
      />
      {run.error && <p className="problem">{run.error}</p>}
    </div>
  );
}
