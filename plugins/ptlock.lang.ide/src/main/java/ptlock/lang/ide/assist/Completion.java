package ptlock.lang.ide.assist;

/**
 * A completion proposal.
 *
 * @param prefix the text before the cursor that the proposal replaces
 */
public record Completion(String proposal, String prefix, String kind, String description) {
}
