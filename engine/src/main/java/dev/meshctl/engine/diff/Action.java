package dev.meshctl.engine.diff;

/** What a change does to a resource, with the symbol the human output shows. */
public enum Action {
  CREATE("+"),
  UPDATE("~"),
  DELETE("-"),
  /** Delete and create again, for resources the API cannot update in place (routes). */
  REPLACE("-/+");

  private final String symbol;

  Action(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  /** The lower-case name used in JSON, e.g. {@code create}. */
  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
