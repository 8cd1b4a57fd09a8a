/* pn-preferences-window.c: to be written */
