/** What every view of the pane gets: the functions, the language and the shell's dialogs. */
import { createContext, useContext } from "react";
import type { Lang } from "../plan/i18n";
import type { ActivePlan, PaneApi } from "./api";
import type { Strings } from "./strings";

export type NoticeIntent = "success" | "info" | "warning" | "error";
export interface Notice {
  id: number;
  intent: NoticeIntent;
  text: string;
}

export interface PaneTools {
  api: PaneApi;
  lang: Lang;
  s: Strings;
  active: ActivePlan;
  /** Asks the user; resolves true on "Fortsätt". */
  confirm(text: string): Promise<boolean>;
  notify(intent: NoticeIntent, text: string): void;
  /** Called by a view once it is on screen and usable (sets data-plankoll-ready). */
  markReady(): void;
  /**
   * Where popups (menus) render: a layer inside the pane. Fluent's own portal node takes the provider's
   * background and covered the whole window in white while a menu was open.
   */
  popupLayer: HTMLElement | null;
}

export const PaneContext = createContext<PaneTools | null>(null);

export function usePane(): PaneTools {
  const tools = useContext(PaneContext);
  if (!tools) throw new Error("usePane outside the pane");
  return tools;
}
