/** The size the room is drawn at; Phaser scales it to fit the screen. */
export const DESIGN_WIDTH = 1600;
export const DESIGN_HEIGHT = 900;
