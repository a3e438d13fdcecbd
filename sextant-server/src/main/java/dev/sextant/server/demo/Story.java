package dev.sextant.server.demo;

import java.util.List;

/** One of the demo's storylines: everything its agent did during the window. */
interface Story {
    List<Episode> episodes(DemoWindow window, DemoRandom random);
}
