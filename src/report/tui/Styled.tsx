import { createContext, useContext, type ReactNode } from "react";
import { Text } from "ink";
import type { Level } from "../../types.js";

/** Whether any SGR styling may be emitted; false means plain characters only (NO_COLOR, --no-color). */
export const ColorContext = createContext(false);

export const LEVEL_COLOR: Record<Level, string> = {
  critical: "redBright",
  high: "red",
  medium: "yellow",
  low: "cyan",
  none: "green",
};

interface StyledProps {
  readonly children?: ReactNode;
  readonly color?: string;
  readonly level?: Level;
  readonly bold?: boolean;
  readonly dim?: boolean;
  readonly inverse?: boolean;
  readonly wrap?: "wrap" | "truncate-end";
}

/** Ink's Text with every style dropped when colour is off, so frames then hold no escape at all. */
export function Styled({ children, color, level, bold, dim, inverse, wrap }: StyledProps) {
  const isColor = useContext(ColorContext);
  if (!isColor) return <Text wrap={wrap}>{children}</Text>;
  return (
    <Text
      color={level ? LEVEL_COLOR[level] : color}
      bold={bold === true || level === "critical"}
      dimColor={dim}
      inverse={inverse}
      wrap={wrap}
    >
      {children}
    </Text>
  );
}
