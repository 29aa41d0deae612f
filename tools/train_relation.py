"""Train the relation classifier into src/eventwire/models/ (same code as `eventwire train`)."""
import sys

from eventwire.coding.relation.train import train

if __name__ == "__main__":
    train(grid="--no-grid" not in sys.argv, encoder="--no-encoder" not in sys.argv)
