/* pn-render.c: to be written */
