/* pn-window.c: to be written */
