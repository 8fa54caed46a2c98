/**
 * What an action that may fail answers: whether it worked and, when it did not (or to say what it did),
 * a message for people. Background replies, the popup's and library's services and the in-page session
 * share it, so a refusal reads the same wherever it is shown.
 */
export interface Outcome {
  ok: boolean;
  message?: string;
}
