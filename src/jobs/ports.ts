/**
 * What job kinds reach outside Lume's own services through, handed to every job when the engine
 * starts (src/run.ts; the test server likewise). src/jobs never imports src/slack: a kind that posts
 * to Slack gets a port named here (e.g. `messenger: Messenger`, its interface defined outside
 * src/slack, beside the code that needs it), which src/slack implements and the composition root passes in.
 */
// biome-ignore lint/suspicious/noEmptyInterface: the seam; each port arrives with the first kind that needs it.
export interface JobPorts {}
