package dev.meshctl.dsl.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.comments.CommentLine;
import org.snakeyaml.engine.v2.comments.CommentType;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Writes a composed YAML node tree, comments included, in meshctl's canonical layout: block style
 * with two-space indentation, keys in schema order, sequences indented under their key, at most
 * one blank line between entries. A collection of scalars written in flow style ({@code [a, b]},
 * {@code {default: true}}) stays on one line, because that is how such short values read best.
 *
 * <p>Comments travel with the entry they precede (or end the line of), so reordering keys keeps
 * every comment next to what it describes.
 */
final class CanonicalEmitter {
  private static final String INDENT = "  ";

  private final KeyOrder order;
  private final List<String> lines = new ArrayList<>();
  private final Map<Node, Boolean> anchored = new IdentityHashMap<>();
  private boolean blankPending;

  private CanonicalEmitter(KeyOrder order) {
    this.order = order;
  }

  static String emit(Node root, KeyOrder order) {
    CanonicalEmitter e = new CanonicalEmitter(order);
    e.document(root);
    return String.join("\n", e.lines) + "\n";
  }

  private void document(Node root) {
    if (root instanceof MappingNode m && !isFlow(m) && !m.getValue().isEmpty()) {
      Node firstKey = m.getValue().get(0).getKeyNode();
      List<CommentLine> leading = orEmpty(firstKey.getBlockComments());
      // The comments above the file's first key describe the file: they stay on top even when the
      // key moves. Only a paragraph right above the key, after a blank line, moves with it.
      int split = lastBlank(leading);
      comments(leading.subList(0, split), "", false);
      firstKey.setBlockComments(new ArrayList<>(leading.subList(split, leading.size())));
      mappingBody(m, "", "", List.of(), null);
    } else if (root instanceof SequenceNode s && !isFlow(s) && !s.getValue().isEmpty()) {
      sequenceBody(s, "", List.of());
    } else {
      comments(root.getBlockComments(), "", false);
      line(anchorPrefix(root).strip() + inline(root, false, List.of()) + trailing(root.getInLineComments()));
      blankPending = false;
      comments(root.getEndComments(), "", true);
    }
  }

  /**
   * Writes a mapping's entries; {@code firstPrefix} replaces the indentation of the first line (a
   * sequence item's dash) and {@code written} is a key whose comments are already written above it.
   */
  private void mappingBody(MappingNode m, String indent, String firstPrefix, List<String> path, Node written) {
    List<NodeTuple> entries = sorted(m, path);
    for (int i = 0; i < entries.size(); i++) {
      NodeTuple t = entries.get(i);
      boolean first = i == 0;
      if (t.getKeyNode() != written) {
        // A blank line separates siblings; it never opens a nested mapping.
        comments(t.getKeyNode().getBlockComments(), indent, !first || path.isEmpty());
      }
      String prefix = first && !firstPrefix.isEmpty() ? firstPrefix : indent;
      String key = Scalars.inline((ScalarNode) t.getKeyNode(), false) + ":";
      List<String> childPath = append(path, ((ScalarNode) t.getKeyNode()).getValue());
      value(prefix + key, t.getKeyNode(), t.getValueNode(), indent, childPath);
    }
    blankPending = false;
    comments(m.getEndComments(), indent, true);
  }

  private void sequenceBody(SequenceNode s, String indent, List<String> path) {
    List<String> itemPath = append(path, KeyOrder.ITEM);
    boolean first = true;
    for (Node item : s.getValue()) {
      if (isBlockMapping(item) && !anchored.containsKey(item) && item.getAnchor().isEmpty()) {
        MappingNode m = (MappingNode) item;
        // Comments above the dash belong to the item, whichever key comes first once sorted.
        Node firstKey = m.getValue().get(0).getKeyNode();
        comments(item.getBlockComments(), indent, !first);
        comments(firstKey.getBlockComments(), indent, !first);
        mappingBody(m, indent + INDENT, indent + "- ", itemPath, firstKey);
      } else {
        comments(item.getBlockComments(), indent, !first);
        value(indent + "-", null, item, indent, itemPath);
      }
      first = false;
    }
    blankPending = false;
    comments(s.getEndComments(), indent, true);
  }

  /** Writes {@code head} (a key with its colon, or a dash) followed by the value. */
  private void value(String head, Node key, Node v, String indent, List<String> path) {
    List<CommentLine> inlineComments = new ArrayList<>();
    if (key != null) {
      inlineComments.addAll(orEmpty(key.getInLineComments()));
    }
    if (anchored.containsKey(v)) {
      line(head + " *" + v.getAnchor().orElseThrow() + trailing(inlineComments));
      return;
    }
    String anchor = anchorPrefix(v);
    String openerAnchor = anchor.isEmpty() ? "" : " " + anchor.strip();
    if (v.getAnchor().isPresent()) {
      anchored.put(v, true);
    }
    String childIndent = indent + INDENT;
    if (v instanceof MappingNode m && !m.getValue().isEmpty() && !isFlow(m)) {
      line(head + openerAnchor + trailing(inlineComments));
      mappingBody(m, childIndent, "", path, null);
    } else if (v instanceof SequenceNode s && !s.getValue().isEmpty() && !isFlow(s)) {
      line(head + openerAnchor + trailing(inlineComments));
      sequenceBody(s, childIndent, path);
    } else if (v instanceof ScalarNode s && Scalars.isBlock(s)) {
      inlineComments.addAll(orEmpty(v.getInLineComments()));
      line(head + " " + anchor + Scalars.blockHeader(s) + trailing(inlineComments));
      for (String l : Scalars.blockLines(s)) {
        lines.add(l.isEmpty() ? "" : childIndent + l);
      }
    } else {
      inlineComments.addAll(orEmpty(v.getInLineComments()));
      line(head + " " + anchor + inline(v, false, path) + trailing(inlineComments));
    }
  }

  private String inline(Node n, boolean flow, List<String> path) {
    if (n instanceof ScalarNode s) {
      return Scalars.inline(s, flow);
    }
    if (n instanceof SequenceNode s) {
      List<String> items = s.getValue().stream().map(x -> inline(x, true, List.of())).toList();
      return "[" + String.join(", ", items) + "]";
    }
    MappingNode m = (MappingNode) n;
    List<String> entries =
        sorted(m, path).stream()
            .map(t -> inline(t.getKeyNode(), true, List.of()) + ": " + inline(t.getValueNode(), true, List.of()))
            .toList();
    return "{" + String.join(", ", entries) + "}";
  }

  /** Entries in schema order; keys the schema does not know keep their place after the known ones. */
  private List<NodeTuple> sorted(MappingNode m, List<String> path) {
    List<String> known = order.keysAt(path);
    List<NodeTuple> entries = new ArrayList<>(m.getValue());
    entries.sort(
        Comparator.comparingInt(
            t -> {
              int rank = t.getKeyNode() instanceof ScalarNode s ? known.indexOf(s.getValue()) : -1;
              return rank < 0 ? known.size() : rank;
            }));
    return entries;
  }

  /** Flow style is kept only for collections of plain values without comments inside. */
  private static boolean isFlow(Node n) {
    List<Node> children = new ArrayList<>();
    FlowStyle style;
    if (n instanceof MappingNode m) {
      style = m.getFlowStyle();
      m.getValue().forEach(t -> {
        children.add(t.getKeyNode());
        children.add(t.getValueNode());
      });
    } else if (n instanceof SequenceNode s) {
      style = s.getFlowStyle();
      children.addAll(s.getValue());
    } else {
      return false;
    }
    return style == FlowStyle.FLOW
        && children.stream()
            .allMatch(
                c -> c instanceof ScalarNode s
                    && !s.getValue().contains("\n")
                    && c.getAnchor().isEmpty()
                    && orEmpty(c.getBlockComments()).isEmpty()
                    && orEmpty(c.getInLineComments()).isEmpty());
  }

  private static boolean isBlockMapping(Node n) {
    return n instanceof MappingNode m && !m.getValue().isEmpty() && !isFlow(m);
  }

  /** The index after the last blank line in {@code comments}, or the whole list without one. */
  private static int lastBlank(List<CommentLine> comments) {
    for (int i = comments.size() - 1; i >= 0; i--) {
      if (comments.get(i).getCommentType() == CommentType.BLANK_LINE) {
        return i + 1;
      }
    }
    return comments.size();
  }

  private static String anchorPrefix(Node n) {
    return n.getAnchor().map(a -> "&" + a + " ").orElse("");
  }

  private void comments(List<CommentLine> comments, String indent, boolean allowBlank) {
    boolean blankAllowed = allowBlank;
    for (CommentLine c : orEmpty(comments)) {
      if (c.getCommentType() == CommentType.BLANK_LINE) {
        blankPending = blankAllowed && !lines.isEmpty();
      } else {
        line(indent + "#" + c.getValue());
        // Blank lines between comment paragraphs are the author's layout: keep them.
        blankAllowed = true;
      }
    }
  }

  private void line(String text) {
    if (blankPending) {
      lines.add("");
      blankPending = false;
    }
    lines.add(text);
  }

  /** The first end-of-line comment goes on the line; YAML allows only one, so others follow it. */
  private static String trailing(List<CommentLine> comments) {
    List<CommentLine> real =
        orEmpty(comments).stream().filter(c -> c.getCommentType() != CommentType.BLANK_LINE).toList();
    return real.isEmpty() ? "" : " #" + real.get(0).getValue() + (real.size() > 1 ? joinRest(real) : "");
  }

  private static String joinRest(List<CommentLine> real) {
    StringBuilder sb = new StringBuilder();
    for (CommentLine c : real.subList(1, real.size())) {
      sb.append(" #").append(c.getValue());
    }
    return sb.toString();
  }

  private static List<CommentLine> orEmpty(List<CommentLine> l) {
    return Optional.ofNullable(l).orElse(List.of());
  }

  private static List<String> append(List<String> path, String segment) {
    List<String> out = new ArrayList<>(path);
    out.add(segment);
    return out;
  }
}
