package ptlock.tlc;

/** One message of TLC's -tool protocol: @!@!@STARTMSG code:severity @!@!@ ... @!@!@ENDMSG code @!@!@. */
public record ToolMessage(int code, int severity, String body) {
	/** Severity values of the protocol. */
	public static final int INFO = 0, ERROR = 1, TLC_BUG = 2, WARNING = 3, STATE = 4;
}
