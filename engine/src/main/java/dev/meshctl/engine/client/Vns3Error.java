package dev.meshctl.engine.client;

/**
 * Why a call to one controller failed, as a value. Every kind names the controller and the call
 * ({@code GET /peering}) so a message can be printed as is; none ever carries a secret or a
 * response body that could hold one. A controller's own message ({@code vns3Message}) is kept
 * only after {@link ControllerText#clean}: control characters shown as escapes, cut to a few
 * hundred characters, the client's own credentials masked. Callers match on the kind: apply, for instance, treats a
 * {@link BadRequest} saying "Keyset already exists." as done.
 */
public sealed interface Vns3Error {

  /** The controller's name in the spec. */
  String controller();

  /** The call that failed, e.g. {@code GET /peering} or {@code reboot wait}. */
  String call();

  /** What went wrong, without the controller, e.g. "connection refused". */
  String detail();

  /** {@code GET /peering: connection refused}: the reason, for a message that already names the controller. */
  default String reason() {
    return call() + ": " + detail();
  }

  /** {@code controller "east-1a": GET /peering: connection refused}. */
  default String message() {
    return "controller \"" + controller() + "\": " + reason();
  }

  /**
   * Whether the controller may have acted on the request although no answer says so: a write
   * that failed this way is re-read before it is repeated.
   */
  default boolean ambiguous() {
    return false;
  }

  /**
   * No connection, or the connection broke.
   *
   * @param requestSent false when the connection was never made (refused, connect timeout), so
   *     the controller certainly did not see the request; true when it broke afterwards (reset)
   */
  record Unreachable(String controller, String call, String detail, boolean requestSent)
      implements Vns3Error {
    @Override
    public boolean ambiguous() {
      return requestSent;
    }
  }

  /**
   * 401: the password or token was refused. A booting controller answers 401 for a while too
   * (the vendor's Go client counts it as still booting), so waits ride through it for a window;
   * anywhere else, and past that window, it means the credentials are wrong.
   */
  record Unauthorized(String controller, String call, String detail) implements Vns3Error {
    /** The answer to a call made outside any boot: the credentials are wrong. */
    public Unauthorized(String controller, String call) {
      this(controller, call, "401 unauthorized: the API password or token is wrong (check what api.password or api.token reads; on AWS the initial password is the instance id)");
    }
  }

  /**
   * 403: a prerequisite is missing, e.g. "Must be licensed first.".
   *
   * @param vns3Message the controller's own message
   */
  record Forbidden(String controller, String call, String vns3Message) implements Vns3Error {
    @Override
    public String detail() {
      return "403 " + vns3Message;
    }

    /** The controller refuses because it holds no license yet. */
    public boolean unlicensed() {
      return vns3Message.toLowerCase(java.util.Locale.ROOT).contains("licensed first");
    }
  }

  /**
   * 400: the controller refused the arguments or the state, e.g. "Keyset already exists.".
   *
   * @param vns3Message the controller's own message
   */
  record BadRequest(String controller, String call, String vns3Message) implements Vns3Error {
    @Override
    public String detail() {
      return "400 " + vns3Message;
    }
  }

  /** 502/503: the controller is busy or rebooting; the request may or may not have landed. */
  record ServerBusy(String controller, String call, int status) implements Vns3Error {
    @Override
    public String detail() {
      return status + " controller busy or restarting";
    }

    @Override
    public boolean ambiguous() {
      return true;
    }
  }

  /** Any other unexpected HTTP status, e.g. 500 or 404. */
  record HttpStatus(String controller, String call, int status, String vns3Message)
      implements Vns3Error {
    @Override
    public String detail() {
      return status + (vns3Message.isEmpty() ? "" : " " + vns3Message);
    }

    @Override
    public boolean ambiguous() {
      return status >= 500;
    }
  }

  /** A request, or a wait for a reboot or a background job, ran out of time. */
  record Timeout(String controller, String call, String detail) implements Vns3Error {
    @Override
    public boolean ambiguous() {
      return true;
    }
  }

  /**
   * A 3xx answer. A VNS3 API never redirects (its OpenAPI document lists no 3xx answer), and
   * following one would resend the credentials wherever it points, plain HTTP included: refused.
   *
   * @param location where it pointed, without user info, query or fragment
   */
  record Redirect(String controller, String call, int status, String location) implements Vns3Error {
    @Override
    public String detail() {
      return status + " redirect to " + location
          + " refused: a VNS3 API does not redirect, and following would resend the credentials";
    }
  }

  /** The TLS handshake failed: untrusted certificate, fingerprint mismatch, wrong host name. */
  record Tls(String controller, String call, String detail) implements Vns3Error {}

  /**
   * The answer is not what the API promises: not JSON, truncated, an HTML page, wrong types,
   * larger than the answer cap, compressed unasked, or with headers too long.
   */
  record MalformedResponse(String controller, String call, String detail) implements Vns3Error {}

  /**
   * A background job (keyset generation or download) ended without its result; the caller may
   * start it again.
   */
  record JobFailed(String controller, String call, String detail) implements Vns3Error {}
}
